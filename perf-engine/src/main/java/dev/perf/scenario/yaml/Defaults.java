package dev.perf.scenario.yaml;

import dev.perf.scenario.Durations;
import dev.perf.scenario.HttpOptions;
import dev.perf.scenario.Secrets;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code defaults:} applied to every request, and the HTTP client's options. */
record Defaults(Map<String, String> headers, Duration timeout, HttpOptions http) {
    private static final Set<String> KEYS = YamlDoc.keys("headers", "timeout", "auth", "connectTimeout", "readTimeout",
            "followRedirects", "compression", "keepAlive", "maxConnections", "proxy", "tls", "cookies", "http");

    static Defaults read(YamlDoc doc, Node node) {
        Map<String, YamlDoc.Entry> defaults = doc.mapping(node, "defaults", KEYS);
        Map<String, String> headers = new LinkedHashMap<>(defaults.containsKey("headers")
                ? headers(doc, defaults.get("headers").value(), "defaults.headers")
                : Map.of());
        if (defaults.containsKey("auth")) {
            String authorization = AuthReader.read(doc, defaults.get("auth").value(), "defaults.auth");
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
        }
        Duration timeout = ScenarioLoader.DEFAULT_TIMEOUT;
        if (defaults.containsKey("timeout")) {
            Duration given = duration(doc, defaults.get("timeout").value(), "defaults.timeout");
            timeout = given == null ? timeout : given;
        }
        return new Defaults(headers, timeout, HttpOptionsReader.read(doc, defaults, timeout));
    }

    static Defaults none() {
        return new Defaults(Map.of(), ScenarioLoader.DEFAULT_TIMEOUT, HttpOptions.defaults(ScenarioLoader.DEFAULT_TIMEOUT));
    }

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,256}");

    static Map<String, String> headers(YamlDoc doc, Node node, String field) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (YamlDoc.Entry entry : doc.mapping(node, field, null).values()) {
            String value = doc.string(entry.value(), field + "." + entry.key());
            if (!TOKEN.matcher(entry.key()).matches()) {
                doc.problem(entry.keyNode(), field + "." + entry.key(), "is not a header name; a name is letters, "
                        + "digits and !#$%&'*+-.^_`|~ (RFC 9110), without spaces or ':'");
                continue;
            }
            if (value != null && value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                // the value itself is not shown: it may be a credential
                doc.problem(entry.value(), field + "." + entry.key(), "the value holds a line break or another control "
                        + "character, which a header cannot carry; HTTP would end the header there");
                continue;
            }
            if (value != null) {
                headers.put(entry.key(), value);
                if (Secrets.sensitiveHeader(entry.key())) {
                    doc.secret(value);
                    doc.secret(value.replaceFirst("^(?i)(basic|bearer)\\s+", ""));
                }
            }
        }
        return headers;
    }

    /** A positive duration, or {@code null} (problem recorded). */
    static Duration duration(YamlDoc doc, Node node, String field) {
        String text = doc.string(node, field);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(text);
            if (!d.isZero()) {
                return d;
            }
            doc.problem(node, field, "'" + text + "' must be longer than zero");
        } catch (IllegalArgumentException e) {
            doc.problem(node, field, e.getMessage());
        }
        return null;
    }
}
