package dev.perf.live;

import dev.perf.monitor.ResourceSample;

import java.util.List;
import java.util.Map;

/**
 * What a run has done so far, at one moment, immutable: what an endpoint serves until the next interval replaces it.
 * Counts are totals since the run started (counters), so a scraper computes rates itself.
 *
 * @param scenario         the scenario's name
 * @param requests         each request's totals, in the scenario's order
 * @param lateSends        open-model sends more than 1 ms behind schedule
 * @param stage            the stage running (1-based), 0 before the first and after the last
 * @param stageDescription what that stage does ("200/s for 30s"), or {@code null}
 * @param level            the level of a stepped test that stage belongs to (1-based), or {@code null}
 * @param requestsInFlight open-model requests sent or waiting, not completed
 * @param virtualUsers     closed-model virtual users running
 * @param thresholds       each threshold's state on the figures so far
 * @param resources        the monitor's latest sample, or {@code null}
 */
public record LiveFigures(String scenario, List<RequestFigures> requests, long lateSends, int stage,
                          String stageDescription, Integer level, int requestsInFlight, int virtualUsers,
                          List<ThresholdState> thresholds, ResourceSample resources) {

    public LiveFigures {
        requests = List.copyOf(requests);
        thresholds = List.copyOf(thresholds);
    }

    /**
     * One request's totals.
     *
     * @param completed       responses and transport failures
     * @param failed          of which failed (an unexpected status, a timeout, a refused connection...)
     * @param dropped         arrivals not sent at all
     * @param errors          failures by kind ({@code dev.perf.metrics.ErrorKind#key()})
     * @param bucketCounts    latencies per bucket of {@link LatencyBuckets#UPPER_BOUNDS_SECONDS}, not cumulative
     * @param latencySeconds  the sum of all latencies
     * @param percentilesSeconds the latency's p50, p95 and p99 (from the HdrHistogram), empty before any response
     */
    public record RequestFigures(String name, long completed, long failed, long dropped, Map<String, Long> errors,
                                 long[] bucketCounts, double latencySeconds, Map<String, Double> percentilesSeconds) {
        public RequestFigures {
            errors = Map.copyOf(errors);
            bucketCounts = bucketCounts.clone();
            percentilesSeconds = Map.copyOf(percentilesSeconds);
        }
    }

    /** A threshold's state on the figures so far. */
    public record ThresholdState(String expression, State state) {
    }

    /** Holding, broken, or not measurable yet (no responses, or a figure only the run's end gives). */
    public enum State {
        PASSING("passing"), FAILING("failing"), PENDING("pending");

        private final String key;

        State(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
