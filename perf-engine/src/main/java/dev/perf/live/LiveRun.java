package dev.perf.live;

import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.engine.RunListener;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.RequestSoFar;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.StepPlan;
import dev.perf.scenario.Threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run's live figures: hears the engine after each interval (on the sampler thread), turns each request's totals
 * so far into {@link LiveFigures} and hands them on. The totals are read without copying a histogram; the thresholds,
 * which need the whole run's figures merged, are judged every {@value #THRESHOLDS_EVERY} intervals. Before the first
 * interval the figures are zeros, so that a scraper sees counters start at 0; after the run, its final figures stay
 * until the next run replaces them.
 */
public final class LiveRun implements RunListener {
    /** The thresholds' live states are judged on every this many intervals (merging the figures costs). */
    static final int THRESHOLDS_EVERY = 5;

    private final Scenario scenario;
    private final ResourceMonitor monitor;
    private final Consumer<LiveFigures> publish;
    private final boolean judgesThresholds;
    private List<LiveFigures.RequestFigures> requests;
    private List<LiveFigures.ThresholdState> thresholds;
    private long lateSends;
    private Progress progress = new Progress(-1, 0, 0);
    private long intervals;

    /**
     * @param monitor the run's resource monitor, or {@code null}
     * @param publish where each new set of figures goes (an endpoint, a push)
     */
    public LiveRun(Scenario scenario, ResourceMonitor monitor, Consumer<LiveFigures> publish) {
        this.scenario = scenario;
        this.monitor = monitor;
        this.publish = publish;
        this.judgesThresholds = !scenario.thresholds().isEmpty();
        List<LiveFigures.RequestFigures> zeros = new ArrayList<>();
        for (String name : requestNames()) {
            zeros.add(new LiveFigures.RequestFigures(name, 0, 0, 0, Map.of(),
                    new long[LatencyBuckets.UPPER_BOUNDS_SECONDS.length], 0, Map.of()));
        }
        requests = zeros;
        thresholds = pending();
        publishNow();
    }

    @Override
    public void interval(IntervalPoint latest) {
        // the totals so far come with requestsSoFar
    }

    @Override
    public long[] requestBucketsMicros() {
        return LatencyBuckets.upperBoundsMicros();
    }

    @Override
    public void requestsSoFar(List<RequestSoFar> soFar, long late, Progress now) {
        List<LiveFigures.RequestFigures> figures = new ArrayList<>(soFar.size());
        for (RequestSoFar r : soFar) {
            Map<String, Long> errors = new LinkedHashMap<>();
            r.errors().forEach((kind, count) -> errors.put(kind.key(), count));
            Map<String, Double> percentiles = new LinkedHashMap<>();
            for (int p = 0; p < PERCENTILES_SO_FAR.length; p++) {
                if (!Double.isNaN(r.percentileMicros()[p])) {
                    percentiles.put("p" + (int) PERCENTILES_SO_FAR[p], r.percentileMicros()[p] / 1e6);
                }
            }
            figures.add(new LiveFigures.RequestFigures(r.name(), r.completed(), r.failed(), r.dropped(), errors,
                    r.bucketCounts(), r.latencySumMicros() / 1e6, percentiles));
        }
        requests = figures;
        lateSends = late;
        progress = now;
        intervals++;
        publishNow();
    }

    @Override
    public boolean wantsFiguresSoFar() {
        return judgesThresholds && intervals % THRESHOLDS_EVERY == 1;
    }

    @Override
    public String figuresSoFar(StageMetrics soFar, Progress now) {
        thresholds = states(soFar.overall(), soFar.byRequest());
        publishNow();
        return null;
    }

    /** The run's final figures, once the load and the wait for requests in flight are over. */
    public void ended(Map<String, RequestStats> byRequest, RequestStats overall, long late) {
        List<LiveFigures.RequestFigures> figures = new ArrayList<>();
        for (String name : requestNames()) {
            RequestStats stats = byRequest.get(name);
            figures.add(stats == null ? new LiveFigures.RequestFigures(name, 0, 0, 0, Map.of(),
                    new long[LatencyBuckets.UPPER_BOUNDS_SECONDS.length], 0, Map.of()) : request(stats));
        }
        requests = figures;
        lateSends = late;
        thresholds = states(overall, byRequest);
        progress = new Progress(-1, 0, 0);
        publishNow();
    }

    private List<LiveFigures.ThresholdState> states(RequestStats overall, Map<String, RequestStats> byRequest) {
        List<LiveFigures.ThresholdState> states = new ArrayList<>();
        for (Threshold threshold : scenario.thresholds()) {
            Boolean holds = ThresholdEvaluator.holdsSoFar(threshold, overall, byRequest);
            states.add(new LiveFigures.ThresholdState(threshold.expression(), holds == null
                    ? LiveFigures.State.PENDING : holds ? LiveFigures.State.PASSING : LiveFigures.State.FAILING));
        }
        return states;
    }

    private List<LiveFigures.ThresholdState> pending() {
        return scenario.thresholds().stream().map(t -> new LiveFigures.ThresholdState(t.expression(),
                LiveFigures.State.PENDING)).toList();
    }

    private void publishNow() {
        int stage = progress.stage();
        LoadSpec load = scenario.load();
        String description = stage < 0 ? null : load.stages().get(stage).describe();
        StepPlan steps = load.steps();
        StepPlan.Level level = stage < 0 || steps == null ? null : steps.levelOfStage(stage);
        publish.accept(new LiveFigures(scenario.name(), requests, lateSends, stage + 1, description,
                level == null ? null : level.number(), progress.requestsInFlight(), progress.virtualUsers(),
                thresholds, monitor == null ? null : monitor.latest()));
    }

    private List<String> requestNames() {
        return scenario.requests().stream().map(r -> r.name()).distinct().toList();
    }

    private static LiveFigures.RequestFigures request(RequestStats stats) {
        Map<String, Long> errors = new LinkedHashMap<>();
        stats.errorCounts().forEach((kind, count) -> errors.put(kind.key(), count.count()));
        double sumSeconds = stats.latencyMicros() == null || stats.latencyMicros().getTotalCount() == 0 ? 0
                : stats.latencyMicros().getMean() * stats.latencyMicros().getTotalCount() / 1e6;
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (stats.latencyMicros() != null && stats.latencyMicros().getTotalCount() > 0) {
            for (double p : PERCENTILES_SO_FAR) {
                percentiles.put("p" + (int) p, stats.latencyMicros().getValueAtPercentile(p) / 1e6);
            }
        }
        return new LiveFigures.RequestFigures(stats.name(), stats.count(), stats.failed(), stats.dropped(), errors,
                LatencyBuckets.count(stats.latencyMicros()), sumSeconds, percentiles);
    }
}
