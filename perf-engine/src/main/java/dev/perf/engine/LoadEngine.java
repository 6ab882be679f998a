package dev.perf.engine;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.IntervalSampler;
import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.RunMetricsBuilder;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Stage;
import dev.perf.scenario.UsersStage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one scenario's load plan: one HTTP client, stages in order (each starting where the previous one's
 * schedule ended), then a bounded wait for requests still in flight, then the figures.
 */
public final class LoadEngine {
    private final EngineOptions options;
    private final Clock clock;

    public LoadEngine(EngineOptions options) {
        this(options, Clock.SYSTEM);
    }

    LoadEngine(EngineOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    /**
     * @param progress called about once per sampling interval with the latest whole-scenario point
     */
    public LoadRun run(Scenario scenario, RunControl control, Consumer<IntervalPoint> progress) {
        List<RequestSpec> requests = scenario.requests();
        List<Stage> stages = scenario.load().stages();
        MetricsRegistry registry = new MetricsRegistry(requests.stream().map(RequestSpec::name).toList(), stages.size());
        RequestMix mix = new RequestMix(requests.stream().map(RequestSpec::weight).toList());
        long drainNanos = scenario.timeout().toNanos() + options.drainTimeoutMillis() * 1_000_000L;
        double[] stageSeconds = new double[stages.size()];
        AtomicInteger inFlight = new AtomicInteger();
        Instant startTime = Instant.now();
        boolean nativeTransport;
        try (IntervalSampler sampler = new IntervalSampler(registry, options.sampleIntervalMillis(), options.hlogFile());
             HttpSender sender = new HttpSender(scenario.baseUrl(), requests, scenario.timeout(), options,
                     registry, clock)) {
            nativeTransport = sender.usesNativeTransport();
            sampler.onInterval(() -> {
                IntervalPoint latest = sampler.latest();
                if (latest != null) {
                    progress.accept(latest);
                }
            });
            sampler.start();
            long stageStart = clock.nanoTime();
            for (int s = 0; s < stages.size() && !control.aborted(); s++) {
                StageDriver driver = driver(stages.get(s), sender, mix, registry, control, inFlight, scenario, drainNanos);
                long stageEnd = driver.run(s, stageStart);
                stageSeconds[s] = Math.max(0, stageEnd - stageStart) / 1e9;
                stageStart = stageEnd;
            }
            awaitInFlight(inFlight, drainNanos, control);
            sampler.stop();
            RunMetrics metrics = RunMetricsBuilder.build(registry, sampler,
                    stages.stream().map(Stage::describe).toList(), stageSeconds);
            return new LoadRun(startTime, Instant.now(), control.aborted(), nativeTransport, metrics);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency log " + options.hlogFile() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private StageDriver driver(Stage stage, HttpSender sender, RequestMix mix, MetricsRegistry registry,
                               RunControl control, AtomicInteger inFlight, Scenario scenario, long drainNanos) {
        if (stage instanceof RateStage rate) {
            return new OpenModelDriver(rate, sender, mix, registry, clock, sender.ticker(), control, inFlight,
                    scenario.load().maxInFlight());
        }
        return new ClosedModelDriver((UsersStage) stage, sender, mix, registry, clock, control, drainNanos);
    }

    /** Waits for outstanding open-model requests; they complete or time out within the request timeout. */
    private void awaitInFlight(AtomicInteger inFlight, long drainNanos, RunControl control) throws InterruptedException {
        long deadline = clock.nanoTime() + (control.aborted() ? Math.min(drainNanos, 2_000_000_000L) : drainNanos);
        while (inFlight.get() > 0 && clock.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
