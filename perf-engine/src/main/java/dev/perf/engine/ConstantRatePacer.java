package dev.perf.engine;

/** Arrivals evenly spaced at a constant rate: arrival i at i / rate seconds. */
final class ConstantRatePacer implements Pacer {
    private final double intervalNanos;
    private final long durationNanos;

    ConstantRatePacer(double perSecond, long durationNanos) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be > 0 per second, was " + perSecond);
        }
        this.intervalNanos = 1e9 / perSecond;
        this.durationNanos = durationNanos;
    }

    @Override
    public long offsetNanos(long index) {
        long offset = Math.round(index * intervalNanos);
        return offset < durationNanos ? offset : NEVER;
    }
}
