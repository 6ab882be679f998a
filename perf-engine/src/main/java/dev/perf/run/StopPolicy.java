package dev.perf.run;

import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.StepPlan;
import dev.perf.scenario.Threshold;

import java.util.List;
import java.util.Map;

/**
 * When a run stops before its plan ends, decided and nothing else (what the console shows is {@link StageProgress}'s
 * job): a threshold marked {@code abort} that breaks, judged after each interval, and a stepped test's
 * {@code stopWhen}, judged as each level ends.
 */
final class StopPolicy {
    private final LoadSpec load;
    private final List<Threshold> abortOn;
    private volatile ScalabilityAnalysis.Stop stop;

    StopPolicy(LoadSpec load, List<Threshold> thresholds) {
        this.load = load;
        this.abortOn = thresholds.stream().filter(Threshold::abort).toList();
    }

    /** Whether the figures so far are needed after each interval (merging them costs: only when needed). */
    boolean judgesIntervals() {
        return !abortOn.isEmpty();
    }

    /** Why the run must stop now (an {@code abort} threshold broke), or {@code null} to go on. */
    String abortReason(RequestStats overall, Map<String, RequestStats> byRequest, double elapsedSeconds) {
        return ThresholdEvaluator.abortReason(abortOn, overall, byRequest, elapsedSeconds);
    }

    /**
     * After a stage: where {@code stopWhen} holds at a level that is not the last, the remaining levels are skipped.
     *
     * @return the stop, or {@code null} to go on
     */
    ScalabilityAnalysis.Stop afterStage(StageMetrics soFar) {
        StepPlan steps = load.steps();
        StepPlan.Level level = steps == null ? null : steps.levelOfStage(soFar.index());
        if (level == null || steps.stopWhen() == null || level.number() == steps.levels().size()) {
            return null;
        }
        Threshold condition = steps.stopWhen();
        Double measured = ThresholdEvaluator.measure(condition, soFar.overall(), soFar.byRequest());
        if (measured != null && !condition.holds(measured)) {
            return null;
        }
        String value = measured == null ? "no responses" : condition.metric().format(measured);
        stop = new ScalabilityAnalysis.Stop(level.number(), level.load(), condition.expression(), value);
        return stop;
    }

    /** Where {@code stopWhen} stopped the run, or {@code null}. */
    ScalabilityAnalysis.Stop stop() {
        return stop;
    }
}
