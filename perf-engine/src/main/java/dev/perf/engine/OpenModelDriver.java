package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.SendLag;
import dev.perf.scenario.RateStage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open model: sends arrivals at the times the {@link Pacer} gives, whether or not earlier responses have come
 * back. When {@code maxInFlight} requests are outstanding an arrival is dropped and counted, never delayed, so
 * the offered rate is never silently lowered. The pacing task runs on an event loop of the HTTP client (through
 * the {@link Ticker}): each tick sends every arrival that is due, then schedules itself for the next one.
 */
final class OpenModelDriver implements StageDriver {
    private final RateStage stage;
    private final Sender sender;
    private final RequestMix mix;
    private final MetricsRegistry registry;
    private final Pacer pacer;
    private final Clock clock;
    private final Ticker ticker;
    private final RunControl control;
    private final AtomicInteger inFlight;
    private final int maxInFlight;
    private final Completion release;

    OpenModelDriver(RateStage stage, Pacer pacer, Sender sender, RequestMix mix, MetricsRegistry registry, Clock clock,
                    Ticker ticker, RunControl control, AtomicInteger inFlight, int maxInFlight) {
        this.stage = stage;
        this.pacer = pacer;
        this.sender = sender;
        this.mix = mix;
        this.registry = registry;
        this.clock = clock;
        this.ticker = ticker;
        this.control = control;
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
        this.release = inFlight::decrementAndGet;
    }

    @Override
    public long run(int stageIndex, long startNanos) throws InterruptedException {
        Tick tick = new Tick(stageIndex, startNanos);
        ticker.at(startNanos, tick);
        return StageWait.await(tick.done, control) ? tick.endNanos : clock.nanoTime();
    }

    /** The pacing task: sends what is due, then re-arms itself. Runs on one thread at a time. */
    private final class Tick implements Runnable {
        private final int stageIndex;
        private final long startNanos;
        private final SendLag lag;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long endNanos;
        private long next;

        Tick(int stageIndex, long startNanos) {
            this.stageIndex = stageIndex;
            this.startNanos = startNanos;
            this.lag = registry.sendLag(stageIndex);
        }

        @Override
        public void run() {
            while (true) {
                long now = clock.nanoTime();
                if (control.aborted()) {
                    finish(now);
                    return;
                }
                long offset = pacer.offsetNanos(next);
                if (offset == Pacer.NEVER) {
                    finish(startNanos + stage.duration().toNanos());
                    return;
                }
                long intended = startNanos + offset;
                if (intended > now) {
                    ticker.at(intended, this);
                    return;
                }
                next++;
                send(intended, now);
            }
        }

        private void send(long intended, long now) {
            int item = mix.next();
            if (inFlight.get() >= maxInFlight) {
                sender.dropped(item, stageIndex);
                return;
            }
            inFlight.incrementAndGet();
            lag.record(now - intended);
            sender.send(item, stageIndex, -1, intended, now, release);
        }

        private void finish(long end) {
            endNanos = end;
            done.countDown();
        }
    }
}
