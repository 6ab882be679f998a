package dev.perf.engine;

import java.util.concurrent.locks.LockSupport;

/** The time source of pacing, behind a seam so tests can drive it. Nanoseconds on {@link System#nanoTime()}'s scale. */
public interface Clock {

    long nanoTime();

    /** Waits until {@link #nanoTime()} reaches {@code deadlineNanos}; returns early if the thread is interrupted. */
    void parkUntil(long deadlineNanos);

    /** The real clock. */
    Clock SYSTEM = new Clock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void parkUntil(long deadlineNanos) {
            long remaining;
            while ((remaining = deadlineNanos - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(remaining);
            }
        }
    };
}
