package dev.perf.scenario;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the scenario's HTTP client behaves, from {@code defaults:}. The defaults measure what the server does: no
 * redirects followed, no compression asked for, keep-alive on, no pool limit, cookies kept per virtual user.
 *
 * @param connectTimeout    to open a connection
 * @param readTimeout       of silence while a response is read
 * @param requestTimeout    for a whole exchange
 * @param maxRedirects      redirects followed, 0 for none (a 3xx is then the response)
 * @param compression       ask for gzip/deflate and decompress what comes back
 * @param maxConnections    connections to the target at most, 0 for no limit; a send that finds none free fails
 *                          at once (keep the users or the in-flight limit at or below it)
 * @param proxy             an HTTP proxy, or {@code null}
 * @param tls               how server certificates are trusted
 * @param cookies           keep cookies per virtual user (a journey's login, say) and send them back
 * @param version           which HTTP the client speaks ({@code http.version})
 */
public record HttpOptions(Duration connectTimeout, Duration readTimeout, Duration requestTimeout, int maxRedirects,
                          boolean compression, boolean keepAlive, int maxConnections, Proxy proxy, Tls tls,
                          boolean cookies, HttpVersion version) {

    /** An HTTP proxy. */
    public record Proxy(String host, int port) {
    }

    /**
     * @param trustStore a PKCS12 or JKS file of certificates to trust, or {@code null} for the JDK's
     * @param password   the trust store's password, or {@code null}
     * @param insecure   trust every certificate (test servers only; perf warns)
     */
    public record Tls(Path trustStore, String password, boolean insecure) {
        public static Tls jdk() {
            return new Tls(null, null, false);
        }

        @Override
        public String toString() {
            return "Tls[trustStore=" + trustStore + ", insecure=" + insecure + "]";
        }
    }

    public static HttpOptions defaults(Duration timeout) {
        return new HttpOptions(timeout, timeout, timeout, 0, false, true, 0, null, Tls.jdk(), true,
                HttpVersion.HTTP_1_1);
    }
}
