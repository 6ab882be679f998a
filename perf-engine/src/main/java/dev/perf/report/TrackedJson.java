package dev.perf.report;

import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.monitor.ResourceSummary;
import dev.perf.result.Figures;
import dev.perf.result.RunResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tracked test's run as summary.json: the shape of a load run's (so the dashboard and the history read both), with
 * one entry of {@code requests} per operation, its cost per execution, and {@code load.model} {@code tracked}.
 */
public final class TrackedJson {

    private TrackedJson() {
    }

    /**
     * @param source    the test class
     * @param verdict   passed or failed
     * @param resources what the monitor saw, or {@code null}
     */
    public static RunResult of(String runId, String test, String source, Instant start, Instant end, RunMetrics m,
                               Map<String, OperationCost> costs, List<ThresholdResult> thresholds, String verdict,
                               ResourceSummary resources) {
        RunResult.Load load = new RunResult.Load(RunResult.TRACKED, "single", "operations tracked in " + source,
                m.elapsedSeconds(), null);
        return new RunResult(SummaryJson.SCHEMA_VERSION, runId, test, source, "completed", null, verdict, List.of(),
                start.toString(), end.toString(), null, load, operation(m.overall(), costs),
                m.byRequest().values().stream().map(s -> operation(s, costs)).toList(), List.of(), List.of(), null,
                SummaryJson.thresholds(thresholds), new RunResult.Generator(null, false, List.of()),
                resources == null ? null : ResourcesJson.summary(resources), SummaryJson.timeSeries(m.series()), null,
                null, null);
    }

    private static Figures operation(RequestStats stats, Map<String, OperationCost> costs) {
        return SummaryJson.withSpectrum(stats, costs.get(stats.name()));
    }
}
