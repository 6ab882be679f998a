package dev.perf.engine;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.IntervalSampler;
import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.RunMetricsBuilder;
import dev.perf.metrics.StageMetrics;
import dev.perf.metrics.StagePlanInfo;
import dev.perf.metrics.ThresholdWindows;
import dev.perf.scenario.Flow;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Stage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import dev.perf.metrics.LoadRun;

/**
 * Runs one scenario's load plan: one HTTP client, stages in order on one intended timeline, then a bounded wait for
 * requests still in flight, then the figures.
 */
public final class LoadEngine {
    /** After an abort, how long requests in flight may still complete. */
    static final long ABORT_WAIT_NANOS = 2_000_000_000L;
    private final EngineOptions options;
    private final Clock clock;

    public LoadEngine(EngineOptions options) {
        this(options, Clock.SYSTEM);
    }

    LoadEngine(EngineOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    public LoadRun run(Scenario scenario, RunControl invocation, RunListener listener) {
        RunControl control = invocation.child();
        List<RequestSpec> requests = scenario.requests();
        List<Flow> flows = scenario.flows();
        List<Stage> stages = scenario.load().stages();
        List<StagePlanInfo> plan = new ArrayList<>();
        for (int s = 0; s < stages.size(); s++) {
            plan.add(new StagePlanInfo(s, stages.get(s).describe(), stages.get(s).offersLoad()));
        }
        MetricsRegistry registry = new MetricsRegistry(requests.stream().map(RequestSpec::name).toList(), stages.size(),
                FlowRunner.recordedFlows(flows), scenario.secrets());
        RequestMix mix = new RequestMix(flows.stream().map(Flow::weight).toList());
        // when the load ends, flows stop at their next step boundary: what is still in flight is a request each, done
        // or timed out within the request timeout
        long drainNanos = scenario.timeout().toNanos() + options.drainTimeoutMillis() * 1_000_000L;
        AtomicInteger inFlight = new AtomicInteger();
        try (IntervalSampler sampler = new IntervalSampler(registry, options.sampleIntervalMillis(), options.hlogFile());
             HttpSender http = new HttpSender(scenario.http(), options, clock, requests.stream()
                     .map(RequestSpec::version).filter(java.util.Objects::nonNull)
                     .collect(java.util.stream.Collectors.toSet()))) {
            boolean nativeTransport = http.usesNativeTransport();
            FlowRunner sender = new FlowRunner(flows, scenario.feeders(), scenario.baseUrl(), scenario.http(),
                    StageSequence.maxUsers(scenario.load()), http,
                    registry, clock, http.ticker(), control, scenario.load().shard(),
                    options.debugExchanges() <= 0 ? ExchangePrinter.none()
                            : new ExchangePrinter(options.debugExchanges(), scenario.secrets(), listener::exchange, clock));
            StageSequence sequence = new StageSequence(scenario.load(), sender, http.ticker(), clock, mix, registry,
                    control, inFlight, drainNanos);
            sampler.windows(ThresholdWindows.of(scenario.thresholds()));
            sampler.gauges(new IntervalSampler.Gauges(() -> sequence.progress().requestsInFlight(),
                    () -> sequence.progress().virtualUsers()));
            long[] buckets = listener.requestBucketsMicros();
            if (buckets != null) {
                sampler.keepRequestTotals();
            }
            sampler.onInterval(() -> {
                IntervalPoint latest = sampler.latest();
                if (latest != null) {
                    listener.interval(latest, sequence.inFlightCount());
                    if (buckets != null) {
                        long late = 0;
                        for (int s = 0; s < registry.stageCount(); s++) {
                            late += registry.sendLag(s).lateSends();
                        }
                        listener.requestsSoFar(sampler.requestsSoFar(buckets, RunListener.PERCENTILES_SO_FAR), late,
                                sequence.progress());
                    }
                    if (listener.wantsFiguresSoFar()) {
                        StageMetrics soFar = RunMetricsBuilder.runSoFar(registry, sampler, plan, latest.endSeconds());
                        String stop = listener.figuresSoFar(soFar, sequence.progress());
                        if (stop != null) {
                            control.stop(stop);
                        }
                    }
                }
            });
            Duration warmupLimit = EngineWarmup.limit(options, scenario.load(), Instant.now());
            if (warmupLimit != null) {
                EngineWarmup.Result warm = EngineWarmup.run(http, clock, warmupLimit, control);
                listener.warmedUp(warm.exchanges(), warm.took(), warm.jitQuiet());
            }
            awaitStart(options.startAt(), control);
            Instant startTime = Instant.now();
            sampler.start();
            StageSequence.Timeline timeline = sequence.run(clock.nanoTime(), (s, start, end) -> {
                sampler.sampleNow();
                return listener.stageEnded(RunMetricsBuilder.stageSoFar(registry, sampler, plan.get(s),
                        Math.max(0, end - start) / 1e9));
            });
            awaitInFlight(sequence, sender, drainNanos, control);
            int unfinished = sequence.inFlightCount();
            sampler.stop();
            RunMetrics metrics = RunMetricsBuilder.build(registry, sampler, plan, timeline.stageSeconds(),
                    timeline.ran());
            return new LoadRun(startTime, Instant.now(), control.aborted(), nativeTransport, metrics, control.reason(),
                    unfinished, sender.iterationsCutShort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the latency log " + options.hlogFile() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits until {@code startAt} (Ctrl-C ends the wait); at once when it is {@code null} or past. */
    private static void awaitStart(Instant startAt, RunControl control) {
        if (startAt == null) {
            return;
        }
        long left;
        while (!control.aborted() && (left = Duration.between(Instant.now(), startAt).toNanos()) > 0) {
            LockSupport.parkNanos(Math.min(left, 100_000_000L));
        }
    }

    /**
     * Waits for outstanding requests; they complete or time out within the request timeout. An abort (Ctrl-C), also
     * one that comes while waiting, cuts the wait to {@value #ABORT_WAIT_NANOS} ns from then, so results are written
     * within seconds; what is still outstanding then is counted as unfinished.
     */
    private void awaitInFlight(StageSequence sequence, Sender sender, long drainNanos, RunControl control)
            throws InterruptedException {
        long deadline = clock.nanoTime() + drainNanos;
        boolean abortSeen = false;
        while (sequence.inFlight()) {
            long now = clock.nanoTime();
            if (!abortSeen && control.aborted()) {
                abortSeen = true;
                sender.windDown();
                deadline = Math.min(deadline, now + ABORT_WAIT_NANOS);
            }
            if (now >= deadline) {
                return;
            }
            Thread.sleep(5);
        }
    }
}
