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
 * @param saturation why figures that depend on the generator (latency, throughput) describe it rather than the
 *                   target, so that their thresholds are inconclusive; {@code null} when they describe the target
 */
public record RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                         ResourceSummary resources, Baselines baselines, Map<Integer, ThresholdWindows.Part> parts,
                         String saturation) {

    public RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                      ResourceSummary resources, Baselines baselines, Map<Integer, ThresholdWindows.Part> parts) {
        this(overall, byRequest, analysis, resources, baselines, parts, null);
    }

    /** The same figures, with thresholds on generator-dependent figures left inconclusive for {@code why}. */
    public RunFigures saturated(String why) {
        return new RunFigures(overall, byRequest, analysis, resources, baselines, parts, why);
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
