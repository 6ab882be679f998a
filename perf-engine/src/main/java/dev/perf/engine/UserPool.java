package dev.perf.engine;


import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed model's virtual users, kept for the whole run so that a step or a ramp from one number of users to
 * another adds or retires users instead of restarting them. User {@code k} runs while {@code k < target}: each
 * completion sends its next request on the I/O thread that completed it; a user above the target finishes the request
 * it is in, then waits until the target rises again. Requests count in the stage current when they are sent.
 */
final class UserPool {
    private final VirtualUser[] users;
    private final Sender sender;
    private final RequestMix mix;
    private final Clock clock;
    private final RunControl control;
    private final AtomicInteger running = new AtomicInteger();
    private volatile int stage;
    private volatile int target;
    private volatile boolean limited;
    private volatile AtomicLong remaining = new AtomicLong();
    private volatile Runnable onAllIdle = () -> { };

    UserPool(int maxUsers, Sender sender, RequestMix mix, Clock clock, RunControl control) {
        this.users = new VirtualUser[maxUsers];
        for (int k = 0; k < maxUsers; k++) {
            users[k] = new VirtualUser(k);
        }
        this.sender = sender;
        this.mix = mix;
        this.clock = clock;
        this.control = control;
    }

    /**
     * Starts attributing sends to {@code stageIndex}.
     *
     * @param iterations requests the stage may send in total, or 0 for no limit
     * @param allIdle    runs when the last running user stops (the iterations are used up, or the target fell to 0)
     */
    void enterStage(int stageIndex, long iterations, Runnable allIdle) {
        onAllIdle = allIdle;
        remaining = new AtomicLong(iterations);
        limited = iterations > 0;
        stage = stageIndex;
    }

    /** Sets how many users run; new ones start at once, retired ones stop after their current request. */
    void target(int users) {
        int previous = target;
        target = Math.min(users, this.users.length);
        for (int k = previous; k < target; k++) {
            this.users[k].activate();
        }
    }

    int target() {
        return target;
    }

    /** The users are retiring for good: their iterations stop at the next step boundary (see {@link Sender#windDown}). */
    void windDown() {
        sender.windDown();
    }

    /** Users currently looping or finishing their last request; 0 means no request of this pool is in flight. */
    int running() {
        return running.get();
    }

    /** The stage's iterations are used up. */
    boolean exhausted() {
        return limited && remaining.get() <= 0;
    }

    private boolean wanted(int index) {
        return index < target && !control.aborted() && !exhausted();
    }

    /** One looping user; its completion callback is itself. A completion inside a send becomes a loop, not recursion. */
    private final class VirtualUser implements Completion {
        private final int index;
        private final AtomicInteger pending = new AtomicInteger();
        private final AtomicBoolean active = new AtomicBoolean();

        VirtualUser(int index) {
            this.index = index;
        }

        void activate() {
            if (active.compareAndSet(false, true)) {
                running.incrementAndGet();
                kick();
            }
        }

        @Override
        public void completed() {
            kick();
        }

        private void kick() {
            if (pending.getAndIncrement() != 0) {
                return;
            }
            do {
                if (!sendOne()) {
                    idle();
                    return;
                }
            } while (pending.decrementAndGet() != 0);
        }

        private boolean sendOne() {
            // only a stage bounded by iterations counts its sends (a shared counter is contended)
            if (!wanted(index) || (limited && remaining.getAndDecrement() <= 0)) {
                return false;
            }
            int request = mix.next();
            long now = clock.nanoTime();
            sender.send(request, stage, index, now, now, this);
            return true;
        }

        /** No request of this user is outstanding here, so nothing else touches {@code pending}. */
        private void idle() {
            pending.set(0);
            active.set(false);
            if (running.decrementAndGet() == 0) {
                onAllIdle.run();
            }
            // the target may have risen between our check and now: whoever flips 'active' runs the user
            if (wanted(index)) {
                activate();
            }
        }
    }
}
