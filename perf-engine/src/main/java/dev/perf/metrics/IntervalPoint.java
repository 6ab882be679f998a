package dev.perf.metrics;

import java.util.Map;

/**
 * One interval of a run (a second, or shorter: the last one, and one ending at each stage boundary), for time
 * series. Latencies in milliseconds, {@code null} when the interval had no responses.
 *
 * @param endSeconds      seconds from run start to the end of the interval
 * @param intervalSeconds the interval's length
 * @param statuses        responses by HTTP status code in the interval (the all-requests series only; else empty)
 * @param errors          failures by {@link ErrorKind#key()} in the interval (the all-requests series only; else empty)
 */
public record IntervalPoint(double endSeconds, double intervalSeconds, long count, long failed, Double p50Millis,
                            Double p90Millis, Double p95Millis, Double p99Millis, Double maxMillis, Map<Integer, Long> statuses,
                            Map<String, Long> errors) {

    /** Responses per second over the interval, {@code null} for an empty-length interval. */
    public Double perSecond() {
        return intervalSeconds <= 0 ? null : count / intervalSeconds;
    }
}
