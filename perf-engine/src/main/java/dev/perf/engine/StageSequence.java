package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.Stage;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a load plan's stages one after the other on one continuous intended timeline: each stage starts where the
 * previous one's schedule ended, so the open model's arrivals follow the plan's rate curve across boundaries and
 * ramps, however late the caller's thread wakes up. After each stage that offered load the {@link StageEnd} hook
 * decides whether the plan goes on.
 */
final class StageSequence {
    private final LoadSpec load;
    private final Sender sender;
    private final Ticker ticker;
    private final Clock clock;
    private final RequestMix mix;
    private final MetricsRegistry registry;
    private final RunControl control;
    private final AtomicInteger inFlight;
    private final UserPool users;
    private final long drainNanos;
    /** The stage running, -1 before the first; written by the caller's thread, read by the sampler's. */
    private volatile int current = -1;

    /** Decides after each stage that offered load whether to go on. */
    interface StageEnd {
        boolean goOn(int stageIndex, long startNanos, long endNanos);
    }

    /** What happened: how long each stage offered load and whether it ran. */
    record Timeline(double[] stageSeconds, boolean[] ran) {
    }

    /** @param drainNanos how long a closed-model stage waits at most for its users' last requests */
    StageSequence(LoadSpec load, Sender sender, Ticker ticker, Clock clock, RequestMix mix, MetricsRegistry registry,
                  RunControl control, AtomicInteger inFlight, long drainNanos) {
        this.load = load;
        this.drainNanos = drainNanos;
        this.sender = sender;
        this.ticker = ticker;
        this.clock = clock;
        this.mix = mix;
        this.registry = registry;
        this.control = control;
        this.inFlight = inFlight;
        int maxUsers = maxUsers(load);
        this.users = maxUsers == 0 ? null
                : new UserPool(maxUsers, sender, mix, clock, control);
    }

    Timeline run(long startNanos, StageEnd hook) throws InterruptedException {
        List<Stage> stages = load.stages();
        double[] seconds = new double[stages.size()];
        boolean[] ran = new boolean[stages.size()];
        long stageStart = startNanos;
        for (int s = 0; s < stages.size() && !control.aborted(); s++) {
            sender.resume();
            current = s;
            long stageEnd = driver(s).run(s, stageStart);
            seconds[s] = Math.max(0, stageEnd - stageStart) / 1e9;
            ran[s] = true;
            if (stages.get(s).offersLoad() && !control.aborted() && !hook.goOn(s, stageStart, stageEnd)) {
                break;
            }
            stageStart = stageEnd;
        }
        if (users != null) {
            users.target(0);
        }
        sender.windDown();
        return new Timeline(seconds, ran);
    }

    /** The most virtual users any closed-model stage runs, 0 for the open model. */
    static int maxUsers(LoadSpec load) {
        return load.stages().stream().mapToInt(Stage::maxUsers).max().orElse(0);
    }

    /** Requests still outstanding: open-model sends, plus closed-model users not yet idle. */
    /** How many requests (open model) and busy users (closed model) are outstanding now. */
    int inFlightCount() {
        return inFlight.get() + (users == null ? 0 : users.running());
    }

    /** Where the run is now, for live figures. */
    RunListener.Progress progress() {
        return new RunListener.Progress(current, inFlight.get(), users == null ? 0 : users.running());
    }

    boolean inFlight() {
        return inFlight.get() > 0 || (users != null && users.running() > 0);
    }

    private StageDriver driver(int s) {
        // a closed stage followed by another hands its users over instead of retiring them
        boolean handOver = s + 1 < load.stages().size() && load.stages().get(s + 1).closedModel();
        return load.stages().get(s).fold(
                rate -> new OpenModelDriver(rate, Pacer.forStage(rate, load.shard()), sender, mix, registry, clock,
                        ticker, control, inFlight, load.maxInFlight()),
                closed -> new ClosedModelDriver(closed, users, clock, ticker, control, handOver, drainNanos),
                pause -> new PauseDriver(pause, clock, ticker, control));
    }
}
