package dev.perf.history;

import dev.perf.metrics.RequestStats;
import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * A request's whole-run figures as a history keeps them.
 *
 * @param failedLatency  the failed requests' latencies apart, or {@code null} for runs recorded before they were kept
 * @param cpuMs          a tracked operation's CPU time per execution, or {@code null}
 * @param allocatedBytes a tracked operation's allocations per execution, or {@code null}
 * @param resources      {@code scope.metric} to {avg, max, samples}; empty when not asked for
 */
public record StoredFigures(String scenario, String request, String runId, long startEpochMillis, long count, long ok,
                            long failed, long dropped, double elapsedSeconds, Histogram latency,
                            Histogram failedLatency, Double cpuMs, Double allocatedBytes,
                            Map<String, double[]> resources) {

    /** The figures as a live run's, for the same metric arithmetic ({@code metrics.Measures}). */
    public RequestStats stats() {
        return new RequestStats(request, ok, failed, dropped, elapsedSeconds, latency, latency, Map.of(), Map.of(), 0, 0,
                Map.of(), failedLatency);
    }
}
