package dev.perf.engine;

import dev.perf.scenario.UsersStage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed model: sets the {@link UserPool}'s number of users over the stage, constant or along a linear ramp (each
 * change at the exact time the ramp crosses the next whole user), on the client's event loop through the
 * {@link Ticker}. At the stage's end the target drops to 0 and the stage lasts until the users' last requests are done,
 * unless the next stage takes the users over; a stage bounded by iterations ends when they are used up and the last
 * user is idle.
 */
final class ClosedModelDriver implements StageDriver {
    private final UsersStage stage;
    private final UserPool pool;
    private final Clock clock;
    private final Ticker ticker;
    private final RunControl control;
    private final boolean handOver;
    private final long drainNanos;

    /**
     * @param handOver   the next stage is closed model too: at the end, leave the users running for it to take over
     *                   (no dip in load between the stages); the engine retires them if the plan stops here
     * @param drainNanos otherwise, how long to wait at most for the users' last requests
     */
    ClosedModelDriver(UsersStage stage, UserPool pool, Clock clock, Ticker ticker, RunControl control,
                      boolean handOver, long drainNanos) {
        this.stage = stage;
        this.handOver = handOver;
        this.drainNanos = drainNanos;
        this.pool = pool;
        this.clock = clock;
        this.ticker = ticker;
        this.control = control;
    }

    @Override
    public long run(int stageIndex, long startNanos) throws InterruptedException {
        Controller controller = new Controller(stageIndex, startNanos);
        ticker.at(startNanos, controller);
        long end = StageWait.await(controller.done, control) ? controller.endNanos : clock.nanoTime();
        if (handOver || control.aborted()) {
            return end;
        }
        pool.windDown();
        return Math.max(end, drained());
    }

    /**
     * Waits for the users' last requests (their pauses are cut short, so this is at most a request's timeout), or an
     * abort. A stage whose users started idle sends one request per user more than complete inside its schedule;
     * counting until they are done keeps its throughput unbiased (count / time).
     */
    private long drained() throws InterruptedException {
        long limit = System.nanoTime() + drainNanos;
        while (pool.running() > 0 && System.nanoTime() < limit && !control.aborted()) {
            Thread.sleep(1);
        }
        return clock.nanoTime();
    }

    /** Users wanted {@code elapsedNanos} into the stage: a ramp adds a user when it reaches the next whole number. */
    static int usersAt(UsersStage stage, long elapsedNanos) {
        if (!stage.isRamp()) {
            return stage.endUsers();
        }
        double fraction = Math.min(1.0, elapsedNanos / (double) stage.duration().toNanos());
        double exact = stage.startUsers() + (stage.endUsers() - stage.startUsers()) * fraction;
        // rising: a user joins once the line reaches it; falling: a user leaves once the line drops below it
        return (int) (stage.endUsers() > stage.startUsers() ? Math.floor(exact + 1e-9) : Math.ceil(exact - 1e-9));
    }

    /** When, from the stage start, the ramp next changes the number of users away from {@code users}. */
    static long nextChangeNanos(UsersStage stage, int users) {
        int from = stage.startUsers();
        int to = stage.endUsers();
        if (!stage.isRamp() || users == to) {
            return Long.MAX_VALUE;
        }
        int next = to > from ? users + 1 : users - 1;
        double fraction = (double) Math.abs(to > from ? next - from : from - next) / Math.abs(to - from);
        return (long) Math.ceil(fraction * stage.duration().toNanos());
    }

    /** Runs at the stage start, at every change of a ramp and at the stage end. One thread at a time. */
    private final class Controller implements Runnable {
        private final int stageIndex;
        private final long startNanos;
        private final long endOfSchedule;
        private final CountDownLatch done = new CountDownLatch(1);
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile long endNanos;
        private boolean started;

        Controller(int stageIndex, long startNanos) {
            this.stageIndex = stageIndex;
            this.startNanos = startNanos;
            this.endOfSchedule = stage.duration() == null ? Long.MAX_VALUE : startNanos + stage.duration().toNanos();
        }

        @Override
        public void run() {
            long now = clock.nanoTime();
            if (finished.get()) {
                return;
            }
            if (control.aborted()) {
                pool.target(0);
                finish(now);
                return;
            }
            if (now >= endOfSchedule) {
                if (!handOver) {
                    pool.target(0);
                }
                finish(endOfSchedule);
                return;
            }
            if (!started) {
                started = true;
                pool.enterStage(stageIndex, stage.iterations(), () -> {
                    if (pool.exhausted()) {
                        // the iterations are used up: the stage is over
                        pool.target(0);
                        finish(clock.nanoTime());
                    }
                });
            }
            int users = usersAt(stage, now - startNanos);
            pool.target(users);
            long next = nextChangeNanos(stage, users);
            long at = next == Long.MAX_VALUE ? endOfSchedule : Math.min(endOfSchedule, startNanos + next);
            if (at != Long.MAX_VALUE) {
                ticker.at(at, this);
            }
        }

        private void finish(long end) {
            if (finished.compareAndSet(false, true)) {
                endNanos = end;
                done.countDown();
            }
        }
    }
}
