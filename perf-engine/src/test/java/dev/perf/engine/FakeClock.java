package dev.perf.engine;

/**
 * A clock that only moves when told to, and a {@link Ticker} on it that runs each task inline once the clock is
 * moved to its deadline (a trampoline, so a task that re-arms itself loops instead of recursing).
 */
final class FakeClock implements Clock, Ticker {
    private long nowNanos;
    private Runnable pending;
    private boolean running;

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    void advanceNanos(long nanos) {
        nowNanos += nanos;
    }

    @Override
    public void at(long deadlineNanos, Runnable task) {
        nowNanos = Math.max(nowNanos, deadlineNanos);
        pending = task;
        if (running) {
            return;
        }
        running = true;
        while (pending != null) {
            Runnable next = pending;
            pending = null;
            next.run();
        }
        running = false;
    }
}
