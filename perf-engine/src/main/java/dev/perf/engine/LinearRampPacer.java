package dev.perf.engine;

/**
 * Arrivals whose rate changes linearly from {@code r0} to {@code r1} over the stage: the expected count by time t
 * is {@code N(t) = r0 t + (r1 - r0) t^2 / (2D)}, and arrival i is intended at the t where {@code N(t) = i},
 * so the schedule follows the rate curve continuously rather than in steps.
 */
final class LinearRampPacer implements Pacer {
    private final double r0;
    private final double a;
    private final long durationNanos;

    LinearRampPacer(double startPerSecond, double endPerSecond, long durationNanos) {
        if (startPerSecond < 0 || endPerSecond < 0 || startPerSecond + endPerSecond == 0) {
            throw new IllegalArgumentException("rates must be >= 0 and not both 0, were " + startPerSecond + " and "
                    + endPerSecond);
        }
        this.r0 = startPerSecond;
        this.a = (endPerSecond - startPerSecond) / (2 * (durationNanos / 1e9));
        this.durationNanos = durationNanos;
    }

    @Override
    public long offsetNanos(long index) {
        if (index == 0) {
            return 0;
        }
        double seconds;
        if (a == 0) {
            seconds = index / r0;
        } else {
            double discriminant = r0 * r0 + 4 * a * index;
            if (discriminant < 0) {
                return NEVER;
            }
            // the stable root of a t^2 + r0 t - index = 0
            seconds = 2 * index / (r0 + Math.sqrt(discriminant));
        }
        long offset = Math.round(seconds * 1e9);
        return offset < durationNanos && offset >= 0 ? offset : NEVER;
    }
}
