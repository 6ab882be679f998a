package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.scenario.UsersStage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed model: N virtual users, each sending its next request as soon as the previous one ends (on the I/O
 * thread that completed it). Ends at the stage's duration or when its iterations are used up.
 */
final class ClosedModelDriver implements StageDriver {
    private final UsersStage stage;
    private final Sender sender;
    private final RequestMix mix;
    private final MetricsRegistry registry;
    private final Clock clock;
    private final RunControl control;
    private final long drainNanos;
    private volatile boolean stopped;

    ClosedModelDriver(UsersStage stage, Sender sender, RequestMix mix, MetricsRegistry registry, Clock clock,
                      RunControl control, long drainNanos) {
        this.stage = stage;
        this.sender = sender;
        this.mix = mix;
        this.registry = registry;
        this.clock = clock;
        this.control = control;
        this.drainNanos = drainNanos;
    }

    @Override
    public long run(int stageIndex, long startNanos) throws InterruptedException {
        CountDownLatch usersDone = new CountDownLatch(stage.users());
        AtomicLong remaining = new AtomicLong(stage.iterations() > 0 ? stage.iterations() : Long.MAX_VALUE);
        for (int u = 0; u < stage.users(); u++) {
            new VirtualUser(stageIndex, remaining, usersDone).kick();
        }
        long deadline = stage.duration() == null ? Long.MAX_VALUE : startNanos + stage.duration().toNanos();
        long end = waitUntil(usersDone, deadline);
        stopped = true;
        // users finish the request they are in; wait for that within the drain time
        waitUntil(usersDone, clock.nanoTime() + drainNanos);
        return Math.min(end, clock.nanoTime());
    }

    /** Waits for all users or the deadline or an abort; returns when load stopped being offered. */
    private long waitUntil(CountDownLatch usersDone, long deadlineNanos) throws InterruptedException {
        while (!control.aborted()) {
            long now = clock.nanoTime();
            if (now >= deadlineNanos) {
                return deadlineNanos;
            }
            if (usersDone.await(Math.min(deadlineNanos - now, 100_000_000L), TimeUnit.NANOSECONDS)) {
                return clock.nanoTime();
            }
        }
        return clock.nanoTime();
    }

    /** One looping user. {@link #kick()} is re-entrant-safe: a completion inside a send becomes a loop, not recursion. */
    private final class VirtualUser implements Completion {
        private final int stageIndex;
        private final AtomicLong remaining;
        private final CountDownLatch usersDone;
        private final AtomicInteger pending = new AtomicInteger();
        private boolean finished;

        VirtualUser(int stageIndex, AtomicLong remaining, CountDownLatch usersDone) {
            this.stageIndex = stageIndex;
            this.remaining = remaining;
            this.usersDone = usersDone;
        }

        @Override
        public void completed() {
            kick();
        }

        void kick() {
            if (pending.getAndIncrement() != 0) {
                return;
            }
            do {
                if (!sendOne()) {
                    if (!finished) {
                        finished = true;
                        usersDone.countDown();
                    }
                    return;
                }
            } while (pending.decrementAndGet() != 0);
        }

        private boolean sendOne() {
            if (stopped || control.aborted() || remaining.getAndDecrement() <= 0) {
                return false;
            }
            int request = mix.next();
            long now = clock.nanoTime();
            sender.send(request, registry.recorder(stageIndex, request), now, now, this);
            return true;
        }
    }
}
