package dev.perf.live;

import dev.perf.metrics.RequestSoFar;
import org.HdrHistogram.Histogram;

/**
 * The classic histogram buckets latencies are served in: from 100 µs to 30 s, about three per decade, so that
 * {@code histogram_quantile} reads a fast service's p99 as well as a timeout's. They are counted from the run's
 * HdrHistogram (microseconds, 3 significant digits) when the figures are published, not per request.
 */
public final class LatencyBuckets {
    /** Upper bounds in seconds, the last one {@code +Inf}. */
    public static final double[] UPPER_BOUNDS_SECONDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
            0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, Double.POSITIVE_INFINITY};

    private LatencyBuckets() {
    }

    /** The finite upper bounds in microseconds (the {@code +Inf} bucket is the one beyond them). */
    static long[] upperBoundsMicros() {
        long[] micros = new long[UPPER_BOUNDS_SECONDS.length - 1];
        for (int b = 0; b < micros.length; b++) {
            micros[b] = Math.round(UPPER_BOUNDS_SECONDS[b] * 1e6);
        }
        return micros;
    }

    /** How many latencies of {@code micros} fall into each bucket (not cumulative), as the live figures count them. */
    static long[] count(Histogram micros) {
        return RequestSoFar.bucketCounts(micros, upperBoundsMicros());
    }
}
