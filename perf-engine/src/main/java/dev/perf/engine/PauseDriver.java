package dev.perf.engine;

import dev.perf.scenario.PauseStage;

import java.util.concurrent.CountDownLatch;

/** A pause: offers no load until the stage's end; requests in flight go on and count in the stages that sent them. */
final class PauseDriver implements StageDriver {
    private final PauseStage stage;
    private final Clock clock;
    private final Ticker ticker;
    private final RunControl control;

    PauseDriver(PauseStage stage, Clock clock, Ticker ticker, RunControl control) {
        this.stage = stage;
        this.clock = clock;
        this.ticker = ticker;
        this.control = control;
    }

    @Override
    public long run(int stageIndex, long startNanos) throws InterruptedException {
        long end = startNanos + stage.duration().toNanos();
        CountDownLatch done = new CountDownLatch(1);
        ticker.at(end, done::countDown);
        return StageWait.await(done, control) ? end : clock.nanoTime();
    }
}
