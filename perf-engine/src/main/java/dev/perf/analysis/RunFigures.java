package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import dev.perf.monitor.ResourceSummary;

import java.util.Map;

/**
 * Everything a threshold can be judged on after a run.
 *
 * @param overall   whole-scenario figures
 * @param byRequest figures per request name
 * @param analysis  the scalability analysis of a stepped run, or {@code null}
 * @param resources what the monitor saw, or {@code null} when monitoring was off
 */
public record RunFigures(RequestStats overall, Map<String, RequestStats> byRequest, ScalabilityAnalysis analysis,
                         ResourceSummary resources) {
}
