package dev.perf.history;

import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RunMetrics;
import dev.perf.monitor.ResourceSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One run as the history keeps it.
 *
 * @param verdict            passed, failed, inconclusive (judged, not failed, but some thresholds could not be),
 *                           aborted or partial
 * @param scenarioSha256     hash of the scenario file's bytes, to tell when a scenario changed
 * @param resources          the resource summary, or {@code null} when monitoring was off
 * @param documents          the run's result files by name ({@code summary.json}, {@code resources.json}), kept
 *                           so that its dashboard page can be rendered again from the history
 * @param loadModel          open, closed, or {@value #TRACKED} for the operations of a test
 * @param costs              a tracked run's cost per execution, by operation and {@code ALL}; empty for load runs
 * @param environment        the scenario's chosen environment ({@code -Dperf.env}), or {@code null}
 */
public record RunRecord(String runId, String scenario, String scenarioFile, String scenarioSha256, Instant start,
                        Instant end, String verdict, String loadModel, String loadDescription, RunMetrics metrics,
                        List<ThresholdResult> thresholds, ResourceSummary resources, boolean generatorSaturated,
                        RunContext context, Map<String, byte[]> documents, Map<String, OperationCost> costs,
                        String environment) {

    /** The load model of a run of tracked test operations. */
    public static final String TRACKED = "tracked";

    /** The verdict of a run that failed nothing, but could not judge everything it set out to. */
    public static final String INCONCLUSIVE = "inconclusive";

    /**
     * Whether this run measured what it set out to, so that later runs may compare with it: it ran to the end, some
     * requests succeeded, and no absolute threshold broke. A run that failed only against the baseline (a relative
     * threshold) counts, so the baseline follows the service instead of freezing on a few quiet runs. A run that
     * failed for any other reason (stopped early, an absolute threshold, a regression alone) does not. A run whose
     * generator was saturated counts: the baseline is the median of several runs, which one inflated run barely
     * moves, and short CI runs are often flagged for their first, cold second; excluding them would leave such
     * projects without a baseline at all.
     */
    public boolean comparable() {
        boolean absoluteBreach = thresholds.stream().anyMatch(t -> t.breached() && !t.threshold().isRelative());
        boolean relativeBreach = thresholds.stream().anyMatch(t -> t.breached() && t.threshold().isRelative());
        boolean judged = verdict.equals("passed") || verdict.equals(INCONCLUSIVE)
                || (verdict.equals("failed") && relativeBreach);
        return judged && !absoluteBreach && metrics.overall().ok() > 0;
    }

    /** A load run: no operation costs. */
    public RunRecord(String runId, String scenario, String scenarioFile, String scenarioSha256, Instant start,
                     Instant end, String verdict, String loadModel, String loadDescription, RunMetrics metrics,
                     List<ThresholdResult> thresholds, ResourceSummary resources, boolean generatorSaturated,
                     RunContext context, Map<String, byte[]> documents) {
        this(runId, scenario, scenarioFile, scenarioSha256, start, end, verdict, loadModel, loadDescription, metrics,
                thresholds, resources, generatorSaturated, context, documents, Map.of(), null);
    }
}
