package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.metrics.SendLag;
import dev.perf.scenario.RateStage;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open model: sends arrivals at the times the {@link Pacer} gives, whether or not earlier responses have come
 * back. When {@code maxInFlight} requests are outstanding an arrival is dropped and counted, never delayed, so
 * the offered rate is never silently lowered. Runs on one pacing thread.
 */
final class OpenModelDriver implements StageDriver {
    private final RateStage stage;
    private final Sender sender;
    private final RequestMix mix;
    private final MetricsRegistry registry;
    private final Clock clock;
    private final RunControl control;
    private final AtomicInteger inFlight;
    private final int maxInFlight;
    private final Completion release;

    OpenModelDriver(RateStage stage, Sender sender, RequestMix mix, MetricsRegistry registry, Clock clock,
                    RunControl control, AtomicInteger inFlight, int maxInFlight) {
        this.stage = stage;
        this.sender = sender;
        this.mix = mix;
        this.registry = registry;
        this.clock = clock;
        this.control = control;
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
        this.release = inFlight::decrementAndGet;
    }

    @Override
    public long run(int stageIndex, long startNanos) {
        Pacer pacer = Pacer.forStage(stage);
        SendLag lag = registry.sendLag();
        for (long i = 0; !control.aborted(); i++) {
            long offset = pacer.offsetNanos(i);
            if (offset == Pacer.NEVER) {
                return startNanos + stage.duration().toNanos();
            }
            long intended = startNanos + offset;
            long now = clock.nanoTime();
            if (now < intended) {
                clock.parkUntil(intended);
                if (Thread.currentThread().isInterrupted()) {
                    control.abort();
                    break;
                }
                now = clock.nanoTime();
            }
            int request = mix.next();
            RequestRecorder recorder = registry.recorder(stageIndex, request);
            if (inFlight.get() >= maxInFlight) {
                recorder.recordDropped();
                continue;
            }
            inFlight.incrementAndGet();
            lag.record(now - intended);
            sender.send(request, recorder, intended, now, release);
        }
        return clock.nanoTime();
    }
}
