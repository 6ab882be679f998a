package dev.perf.metrics;

import java.util.Map;

/**
 * One request's totals since the run started, for live figures: counts, and its latency distribution summed up in
 * the buckets and percentiles a caller asked for, read under the sampler's lock so that no histogram is copied.
 *
 * @param errors               failures by kind
 * @param bucketCounts         latencies per bucket (not cumulative) of the upper bounds asked for, plus one beyond
 * @param latencySumMicros     the sum of all latencies
 * @param percentileMicros     the latency at each percentile asked for, {@code NaN} before any response
 */
public record RequestSoFar(String name, long ok, long failed, long dropped, Map<ErrorKind, Long> errors,
                           long[] bucketCounts, double latencySumMicros, double[] percentileMicros) {
    public RequestSoFar {
        errors = Map.copyOf(errors);
        bucketCounts = bucketCounts.clone();
        percentileMicros = percentileMicros.clone();
    }

    public long completed() {
        return ok + failed;
    }

    /**
     * How many of {@code h}'s values fall into each bucket of {@code upperBounds} (a value into the first whose bound
     * is at least the highest value equivalent to it) and the one beyond: one rule for the live figures and the final
     * ones, so that a bucket's count never goes down between them.
     */
    public static long[] bucketCounts(org.HdrHistogram.Histogram h, long[] upperBounds) {
        long[] buckets = new long[upperBounds.length + 1];
        if (h != null && h.getTotalCount() > 0) {
            for (org.HdrHistogram.HistogramIterationValue v : h.recordedValues()) {
                long value = h.highestEquivalentValue(v.getValueIteratedTo());
                int b = 0;
                while (b < upperBounds.length && value > upperBounds[b]) {
                    b++;
                }
                buckets[b] += v.getCountAtValueIteratedTo();
            }
        }
        return buckets;
    }
}
