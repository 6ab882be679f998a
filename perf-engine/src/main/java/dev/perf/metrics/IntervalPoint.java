package dev.perf.metrics;

/**
 * One interval of a run (a second, or shorter: the last one, and one ending at each stage boundary), for time
 * series. Latencies in milliseconds, {@code null} when the interval had no responses.
 *
 * @param endSeconds      seconds from run start to the end of the interval
 * @param intervalSeconds the interval's length
 */
public record IntervalPoint(double endSeconds, double intervalSeconds, long count, long failed, Double p50Millis,
                            Double p90Millis, Double p99Millis, Double maxMillis) {

    /** Responses per second over the interval, {@code null} for an empty-length interval. */
    public Double perSecond() {
        return intervalSeconds <= 0 ? null : count / intervalSeconds;
    }
}
