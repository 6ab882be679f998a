package dev.perf.scenario;

/**
 * Where a run shows its figures while it goes ({@code live:}): an OpenMetrics (Prometheus) endpoint. Off unless a
 * port is given, here or with {@code -Dperf.metrics.port}.
 *
 * @param port the port of {@code http://host:port/metrics}, 0 for any free one, {@code null} for no endpoint
 * @param host the address it listens on; {@code null} for the loopback address ({@link #LOOPBACK}), so that nothing
 *             outside the machine can read it unless asked
 */
public record LiveSpec(Integer port, String host) {
    /** Where the endpoint listens unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    /** No live endpoint. */
    public static LiveSpec none() {
        return new LiveSpec(null, null);
    }

    /** Whether an endpoint is asked for. */
    public boolean serves() {
        return port != null;
    }

    /** The address to listen on. */
    public String hostOrLoopback() {
        return host == null ? LOOPBACK : host;
    }

    /** This one with the given port and host where they are not {@code null} (the {@code -D} overrides). */
    public LiveSpec overriddenBy(Integer overridePort, String overrideHost) {
        return new LiveSpec(overridePort != null ? overridePort : port, overrideHost != null ? overrideHost : host);
    }
}
