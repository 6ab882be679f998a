package dev.perf.metrics;

/**
 * One second (or the last, shorter interval) of a run, for time series. Latencies in milliseconds, {@code null}
 * when the interval had no responses.
 *
 * @param endSeconds seconds from run start to the end of the interval
 */
public record IntervalPoint(double endSeconds, long count, long failed, Double p50Millis, Double p90Millis,
                            Double p99Millis, Double maxMillis) {
}
