package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import dev.perf.metrics.ThresholdWindows;
import dev.perf.monitor.ResourceSummary;

import java.util.Map;

/**
 * Everything a threshold can be judged on after a run.
 *
 * @param overall   whole-scenario figures
 * @param byRequest figures per request name
 * @param analysis  the scalability analysis of a stepped run, or {@code null}
 * @param resources what the monitor saw, or {@code null} when monitoring was off
 * @param baselines earlier runs to compare with, or {@code null} when there is no history
 * @param parts     figures of thresholds judged on part of the run ({@code after}, {@code over}), by position
 * @param saturation why figures that depend on the generator (latency, throughput) may describe it rather than
 *                   the target (see {@link ThresholdEvaluator}); {@code null} when they describe the target
 * @param throughputIsResult whether throughput depends on the generator's speed (closed model)
 * @param flows     figures per flow of several steps: its iterations, from the first step's start to the last's end
 */
public record RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                         ResourceSummary resources, Baselines baselines, Map<Integer, ThresholdWindows.Part> parts,
                         String saturation, boolean throughputIsResult, Map<String, RequestStats> flows) {

    public RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                      ResourceSummary resources, Baselines baselines, Map<Integer, ThresholdWindows.Part> parts) {
        this(overall, byRequest, analysis, resources, baselines, parts, null, false, Map.of());
    }

    /** The same figures, from a run whose generator was saturated, for {@code why}. */
    public RunFigures saturated(String why, boolean closedModel) {
        return new RunFigures(overall, byRequest, analysis, resources, baselines, parts, why, closedModel, flows);
    }

    /** The same figures with the flows'. */
    public RunFigures withFlows(Map<String, RequestStats> flowFigures) {
        return new RunFigures(overall, byRequest, analysis, resources, baselines, parts, saturation,
                throughputIsResult, flowFigures);
    }

    /** The figures a threshold's target names: a flow's or a request's. */
    public Map<String, RequestStats> targets(boolean flow) {
        return flow ? flows : byRequest;
    }

    public RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                      ResourceSummary resources, Baselines baselines) {
        this(overall, byRequest, analysis, resources, baselines, Map.of());
    }

    public RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                      ResourceSummary resources) {
        this(overall, byRequest, analysis, resources, null);
    }
}
