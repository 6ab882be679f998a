package dev.perf.engine;

import java.util.PriorityQueue;

/**
 * A clock that only moves when told to, and a {@link Ticker} on it that runs its tasks inline, earliest deadline
 * first (in the order given at equal deadlines), moving the clock to each task's deadline as it runs it: a trampoline,
 * so a task that re-arms itself loops instead of recursing.
 */
final class FakeClock implements Clock, Ticker {
    private long nowNanos;
    private long order;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private boolean running;

    private record Pending(long deadlineNanos, long order, Runnable task) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending other) {
            int byDeadline = Long.compare(deadlineNanos, other.deadlineNanos);
            return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
        }
    }

    @Override
    public long nanoTime() {
        return nowNanos;
    }

    void advanceNanos(long nanos) {
        nowNanos += nanos;
    }

    @Override
    public void at(long deadlineNanos, Runnable task) {
        pending.add(new Pending(Math.max(nowNanos, deadlineNanos), order++, task));
        if (running) {
            return;
        }
        running = true;
        while (!pending.isEmpty()) {
            Pending next = pending.poll();
            nowNanos = Math.max(nowNanos, next.deadlineNanos());
            next.task().run();
        }
        running = false;
    }
}
