package dev.perf.live;

import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.engine.RunListener;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.monitor.ResourceSample;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.StepPlan;
import dev.perf.scenario.Threshold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run's live figures: hears the engine after each interval (on the sampler thread), turns the figures so far
 * into {@link LiveFigures} and hands them on. Before the first interval the figures are zeros, so that a scraper
 * sees counters start at 0; after the run, its final figures stay until the next run replaces them.
 */
public final class LiveRun implements RunListener {
    private final Scenario scenario;
    private final ResourceMonitor monitor;
    private final Consumer<LiveFigures> publish;

    /**
     * @param monitor the run's resource monitor, or {@code null}
     * @param publish where each new set of figures goes (an endpoint)
     */
    public LiveRun(Scenario scenario, ResourceMonitor monitor, Consumer<LiveFigures> publish) {
        this.scenario = scenario;
        this.monitor = monitor;
        this.publish = publish;
        publish.accept(figures(Map.of(), 0, new Progress(-1, 0, 0)));
    }

    @Override
    public void interval(IntervalPoint latest) {
        // the figures so far come with figuresSoFar
    }

    @Override
    public boolean wantsFiguresSoFar() {
        return true;
    }

    @Override
    public String figuresSoFar(StageMetrics soFar, Progress now) {
        publish.accept(figures(soFar.byRequest(), soFar.lateSends(), now, soFar.overall()));
        return null;
    }

    /** The run's final figures, once the load and the wait for requests in flight are over. */
    public void ended(Map<String, RequestStats> byRequest, RequestStats overall, long lateSends) {
        publish.accept(figures(byRequest, lateSends, new Progress(-1, 0, 0), overall));
    }

    private LiveFigures figures(Map<String, RequestStats> byRequest, long lateSends, Progress now) {
        return figures(byRequest, lateSends, now, null);
    }

    private LiveFigures figures(Map<String, RequestStats> byRequest, long lateSends, Progress now,
                                RequestStats overall) {
        List<LiveFigures.RequestFigures> requests = new ArrayList<>();
        for (String name : requestNames()) {
            RequestStats stats = byRequest.get(name);
            requests.add(stats == null ? new LiveFigures.RequestFigures(name, 0, 0, 0, Map.of(),
                    new long[LatencyBuckets.UPPER_BOUNDS_SECONDS.length], 0, Map.of()) : request(stats));
        }
        List<LiveFigures.ThresholdState> thresholds = new ArrayList<>();
        for (Threshold threshold : scenario.thresholds()) {
            Boolean holds = overall == null ? null : ThresholdEvaluator.holdsSoFar(threshold, overall, byRequest);
            thresholds.add(new LiveFigures.ThresholdState(threshold.expression(), holds == null
                    ? LiveFigures.State.PENDING : holds ? LiveFigures.State.PASSING : LiveFigures.State.FAILING));
        }
        int stage = now.stage();
        LoadSpec load = scenario.load();
        String description = stage < 0 ? null : load.stages().get(stage).describe();
        StepPlan steps = load.steps();
        StepPlan.Level level = stage < 0 || steps == null ? null : steps.levelOfStage(stage);
        ResourceSample resources = monitor == null ? null : monitor.latest();
        return new LiveFigures(scenario.name(), requests, lateSends, stage + 1, description,
                level == null ? null : level.number(), now.requestsInFlight(), now.virtualUsers(), thresholds,
                resources);
    }

    private List<String> requestNames() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        for (RequestSpec request : scenario.requests()) {
            names.put(request.name(), true);
        }
        return List.copyOf(names.keySet());
    }

    private static LiveFigures.RequestFigures request(RequestStats stats) {
        Map<String, Long> errors = new LinkedHashMap<>();
        stats.errorCounts().forEach((kind, count) -> errors.put(kind.key(), count.count()));
        double sumSeconds = stats.latencyMicros() == null || stats.latencyMicros().getTotalCount() == 0 ? 0
                : stats.latencyMicros().getMean() * stats.latencyMicros().getTotalCount() / 1e6;
        Map<String, Double> percentiles = new LinkedHashMap<>();
        if (stats.latencyMicros() != null && stats.latencyMicros().getTotalCount() > 0) {
            for (int p : new int[] {50, 95, 99}) {
                percentiles.put("p" + p, stats.latencyMicros().getValueAtPercentile(p) / 1e6);
            }
        }
        return new LiveFigures.RequestFigures(stats.name(), stats.count(), stats.failed(), stats.dropped(), errors,
                LatencyBuckets.count(stats.latencyMicros()), sumSeconds, percentiles);
    }
}
