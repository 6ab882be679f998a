package dev.perf.engine;

/** A clock that only moves when told to, or when someone parks on it (then it jumps to the deadline). */
final class FakeClock implements Clock {
    private long nowNanos;

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    @Override
    public void parkUntil(long deadlineNanos) {
        nowNanos = Math.max(nowNanos, deadlineNanos);
    }

    void advanceNanos(long nanos) {
        nowNanos += nanos;
    }
}
