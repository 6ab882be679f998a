package dev.perf.scenario.yaml;

import dev.perf.scenario.HttpOptions;
import dev.perf.scenario.HttpVersion;
import dev.perf.scenario.HttpUrls;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** The HTTP client's options under {@code defaults:}: timeouts, redirects, compression, pool, proxy, TLS, cookies. */
final class HttpOptionsReader {
    private static final Set<String> PROXY_KEYS = YamlDoc.keys("host", "port");
    private static final Set<String> HTTP_KEYS = YamlDoc.keys("version");
    private static final Set<String> TLS_KEYS = YamlDoc.keys("trustStore", "trustStorePassword", "insecure");
    static final int MAX_REDIRECTS = 20;

    private HttpOptionsReader() {
    }

    static HttpOptions read(YamlDoc doc, Map<String, YamlDoc.Entry> d, Duration timeout) {
        Duration connect = d.containsKey("connectTimeout") ? orElse(Defaults.duration(doc, d.get("connectTimeout").value(),
                "defaults.connectTimeout"), timeout) : timeout;
        Duration read = d.containsKey("readTimeout") ? orElse(Defaults.duration(doc, d.get("readTimeout").value(),
                "defaults.readTimeout"), timeout) : timeout;
        int redirects = 0;
        if (d.containsKey("followRedirects")) {
            Node node = d.get("followRedirects").value();
            String text = doc.string(node, "defaults.followRedirects");
            if ("true".equals(text)) {
                redirects = 5;
            } else if (text != null && !"false".equals(text)) {
                Long n = doc.integer(node, "defaults.followRedirects", 1, MAX_REDIRECTS);
                redirects = n == null ? 0 : n.intValue();
            }
        }
        boolean compression = flag(doc, d, "compression", false);
        boolean keepAlive = flag(doc, d, "keepAlive", true);
        boolean cookies = flag(doc, d, "cookies", true);
        int maxConnections = 0;
        if (d.containsKey("maxConnections")) {
            Long n = doc.integer(d.get("maxConnections").value(), "defaults.maxConnections", 1, 100_000);
            maxConnections = n == null ? 0 : n.intValue();
        }
        HttpOptions.Proxy proxy = d.containsKey("proxy") ? proxy(doc, d.get("proxy").value()) : null;
        HttpOptions.Tls tls = d.containsKey("tls") ? tls(doc, d.get("tls").value()) : HttpOptions.Tls.jdk();
        HttpVersion version = d.containsKey("http") ? orElse(version(doc, d.get("http").value(), "defaults.http"),
                HttpVersion.HTTP_1_1) : HttpVersion.HTTP_1_1;
        return new HttpOptions(connect, read, timeout, redirects, compression, keepAlive, maxConnections, proxy, tls,
                cookies, version);
    }

    /** {@code http: { version: 2 }} at {@code field}; {@code null} when not given or wrong (problem recorded). */
    static HttpVersion version(YamlDoc doc, Node node, String field) {
        Map<String, YamlDoc.Entry> h = doc.mapping(node, field, HTTP_KEYS);
        if (!h.containsKey("version")) {
            return null;
        }
        Node value = h.get("version").value();
        String text = doc.requiredString(value, field + ".version");
        if (text == null) {
            return null;
        }
        HttpVersion version = HttpVersion.parse(text);
        if (version == null) {
            doc.problem(value, field + ".version", "'" + text.trim() + "' is not valid; valid: 1.1 (the default), "
                    + "2 (HTTP/2: by ALPN over TLS, by prior knowledge on cleartext), auto (HTTP/2 when a TLS server "
                    + "offers it, else HTTP/1.1)");
            return null;
        }
        return version;
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static boolean flag(YamlDoc doc, Map<String, YamlDoc.Entry> d, String key, boolean fallback) {
        if (!d.containsKey(key)) {
            return fallback;
        }
        Boolean value = doc.bool(d.get(key).value(), "defaults." + key);
        return value == null ? fallback : value;
    }

    /** {@code proxy: http://proxy:3128} or {@code proxy: { host: proxy, port: 3128 }}. */
    private static HttpOptions.Proxy proxy(YamlDoc doc, Node node) {
        if (node instanceof ScalarNode) {
            String text = doc.requiredString(node, "defaults.proxy");
            if (text == null) {
                return null;
            }
            String problem = HttpUrls.problem(text);
            if (problem != null || !text.startsWith("http://")) {
                doc.problem(node, "defaults.proxy", "'" + text + "' is not an HTTP proxy URL; write http://host:port or "
                        + "{ host: ..., port: ... }");
                return null;
            }
            URI uri = URI.create(text);
            return new HttpOptions.Proxy(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        }
        Map<String, YamlDoc.Entry> p = doc.mapping(node, "defaults.proxy", PROXY_KEYS);
        if (!p.containsKey("host") || !p.containsKey("port")) {
            doc.problem(node, "defaults.proxy", "needs host and port");
            return null;
        }
        String host = doc.requiredString(p.get("host").value(), "defaults.proxy.host");
        Long port = doc.integer(p.get("port").value(), "defaults.proxy.port", 1, 65535);
        return host == null || port == null ? null : new HttpOptions.Proxy(host, port.intValue());
    }

    private static HttpOptions.Tls tls(YamlDoc doc, Node node) {
        Map<String, YamlDoc.Entry> t = doc.mapping(node, "defaults.tls", TLS_KEYS);
        boolean insecure = false;
        if (t.containsKey("insecure")) {
            Boolean value = doc.bool(t.get("insecure").value(), "defaults.tls.insecure");
            insecure = Boolean.TRUE.equals(value);
        }
        Path store = null;
        if (t.containsKey("trustStore")) {
            if (insecure) {
                doc.problem(t.get("trustStore").keyNode(), "defaults.tls.trustStore", "give a trust store or "
                        + "insecure: true, not both");
                return HttpOptions.Tls.jdk();
            }
            String name = doc.requiredString(t.get("trustStore").value(), "defaults.tls.trustStore");
            if (name != null) {
                store = doc.namedFile(t.get("trustStore").value(), "defaults.tls.trustStore", name, MAX_TRUST_STORE_BYTES);
            }
        }
        String password = null;
        if (t.containsKey("trustStorePassword")) {
            password = doc.string(t.get("trustStorePassword").value(), "defaults.tls.trustStorePassword");
            if (password != null) {
                doc.secret(password);
            }
        }
        if (store != null) {
            String problem = unreadable(store, password);
            if (problem != null) {
                doc.problem(t.get("trustStore").value(), "defaults.tls.trustStore", problem);
                store = null;
            }
        }
        return new HttpOptions.Tls(store, password, insecure);
    }

    /** A trust store larger than this is refused: it is read whole. */
    static final long MAX_TRUST_STORE_BYTES = 16L * 1024 * 1024;

    /** Why the trust store cannot be opened (not a PKCS12 or JKS file, a wrong password), or {@code null}. */
    private static String unreadable(Path store, String password) {
        try (var in = new java.io.ByteArrayInputStream(ProjectFiles.read(store, MAX_TRUST_STORE_BYTES))) {
            KeyStore keys = KeyStore.getInstance(store.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            keys.load(in, password == null ? null : password.toCharArray());
            return keys.size() == 0 ? "'" + store.getFileName() + "' holds no certificate" : null;
        } catch (IOException | GeneralSecurityException e) {
            return "'" + store.getFileName() + "' cannot be opened as a PKCS12 (or, named .jks, JKS) trust store ("
                    + (e.getMessage() == null || e instanceof java.io.EOFException ? "it is not a key store"
                    : e.getMessage()) + "; check the file and trustStorePassword)";
        }
    }
}
