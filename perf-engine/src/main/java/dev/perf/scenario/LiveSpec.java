package dev.perf.scenario;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * Where a run shows its figures while it goes ({@code live:}): an OpenMetrics (Prometheus) endpoint that a scraper
 * reads, an OpenTelemetry collector that they are pushed to over OTLP, or both. Each is off unless asked for, here or
 * with {@code -Dperf.metrics.port} and {@code -Dperf.otlp.endpoint}.
 *
 * @param port         the port of {@code http://host:port/metrics}, 0 for any free one, {@code null} for no endpoint
 * @param host         the address it listens on; {@code null} for the loopback address ({@link #LOOPBACK}), so that
 *                     nothing outside the machine can read it unless asked
 * @param otlp         the collector's OTLP/HTTP URL ({@code http://127.0.0.1:4318}), {@code null} for no push
 * @param otlpInterval how often to push; {@code null} for {@link #DEFAULT_OTLP_INTERVAL}
 */
public record LiveSpec(Integer port, String host, String otlp, Duration otlpInterval) {
    /** Where the endpoint listens unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";
    /** How often figures are pushed over OTLP unless told otherwise: a load test is short. */
    public static final Duration DEFAULT_OTLP_INTERVAL = Duration.ofSeconds(5);

    /** An endpoint alone. */
    public LiveSpec(Integer port, String host) {
        this(port, host, null, null);
    }

    /** No live figures. */
    public static LiveSpec none() {
        return new LiveSpec(null, null, null, null);
    }

    /** Whether an OpenMetrics endpoint is asked for. */
    public boolean serves() {
        return port != null;
    }

    /** Whether a push over OTLP is asked for. */
    public boolean pushes() {
        return otlp != null;
    }

    /** The address to listen on. */
    public String hostOrLoopback() {
        return host == null ? LOOPBACK : host;
    }

    /** How often to push. */
    public Duration otlpIntervalOrDefault() {
        return otlpInterval == null ? DEFAULT_OTLP_INTERVAL : otlpInterval;
    }

    /** This one with what {@code override} sets (the {@code -D} properties) in place of its own. */
    public LiveSpec overriddenBy(LiveSpec override) {
        return new LiveSpec(override.port != null ? override.port : port, override.host != null ? override.host : host,
                override.otlp != null ? override.otlp : otlp,
                override.otlpInterval != null ? override.otlpInterval : otlpInterval);
    }

    static final Duration MIN_OTLP_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_OTLP_INTERVAL = Duration.ofHours(1);

    /** What is wrong with an address to listen on, or {@code null}. */
    public static String hostProblem(String host) {
        return host.isBlank() || host.contains("/") || host.contains(" ") || host.contains("?")
                ? "'" + host + "' is not an address to listen on; give an IP address or a host name of this machine, "
                + "e.g. 127.0.0.1 (the default) or 0.0.0.0 (every interface)" : null;
    }

    /** What is wrong with an OTLP/HTTP URL, or {@code null}. */
    public static String otlpProblem(String url) {
        String expected = "; expected the collector's OTLP/HTTP URL, e.g. http://127.0.0.1:4318";
        // a URL with an @ may hold a password: it is not repeated
        String shown = url.contains("@") ? "the URL (not repeated here)" : "'" + url + "'";
        try {
            URI uri = new URI(url.trim());
            if (uri.getUserInfo() != null || url.contains("@")) {
                return shown + " has a user name or password in it, which would show in the logs" + expected;
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                return shown + " is not an http:// or https:// URL" + expected;
            }
            if (uri.getHost() == null) {
                return shown + " has no host" + expected;
            }
            return null;
        } catch (URISyntaxException e) {
            return shown + " is not a URL" + expected;
        }
    }


    /** What is wrong with a push interval, or {@code null}. */
    public static String intervalProblem(Duration interval) {
        return interval.compareTo(MIN_OTLP_INTERVAL) < 0 || interval.compareTo(MAX_OTLP_INTERVAL) > 0
                ? "is outside 1s to 1h" : null;
    }
}
