package dev.perf.metrics;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * One interval of a run (a second, or shorter: the last one, and one ending at each stage boundary), for time
 * series. Latencies in milliseconds, {@code null} when the interval had no responses.
 *
 * @param endSeconds      seconds from run start to the end of the interval
 * @param intervalSeconds the interval's length
 * @param statuses        responses by HTTP status code in the interval (the all-requests series only; else empty)
 * @param errors          failures by {@link ErrorKind#key()} in the interval (the all-requests series only; else empty)
 * @param inFlight        open-model requests sent (or due) and not completed at the interval's end, or {@code null}
 *                        where not known (a request's own series, a tracked test, a merge of shards)
 * @param users           closed-model virtual users running at the interval's end, or {@code null} likewise
 */
public record IntervalPoint(double endSeconds, double intervalSeconds, long count, long failed, Double p50Millis,
                            Double p90Millis, Double p95Millis, Double p99Millis, Double maxMillis, Map<Integer, Long> statuses,
                            Map<String, Long> errors, Integer inFlight, Integer users) {

    /** The same point with what was in flight and running at its end. */
    public IntervalPoint withGauges(int requestsInFlight, int runningUsers) {
        return new IntervalPoint(endSeconds, intervalSeconds, count, failed, p50Millis, p90Millis, p95Millis, p99Millis,
                maxMillis, statuses, errors, requestsInFlight, runningUsers);
    }

    /** The point of an interval whose latencies (in microseconds) are {@code h}. */
    public static IntervalPoint of(double endSeconds, double intervalSeconds, Histogram h, long failed,
                                   Map<Integer, Long> statuses, Map<String, Long> errors) {
        if (h.getTotalCount() == 0) {
            return new IntervalPoint(endSeconds, intervalSeconds, 0, failed, null, null, null, null, null, statuses,
                    errors, null, null);
        }
        return new IntervalPoint(endSeconds, intervalSeconds, h.getTotalCount(), failed,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                statuses, errors, null, null);
    }

    /** Responses per second over the interval, {@code null} for an empty-length interval. */
    public Double perSecond() {
        return intervalSeconds <= 0 ? null : count / intervalSeconds;
    }
}
