package dev.perf.engine;

/**
 * Runs a task at a given time. The open-model pacer runs on a Netty event loop through this seam, so that
 * sends happen on the I/O thread with no hand-off between threads; tests run it inline on a fake clock.
 */
interface Ticker {

    /** Runs {@code task} once, at or soon after {@code deadlineNanos} ({@link Clock#nanoTime()} scale). */
    void at(long deadlineNanos, Runnable task);
}
