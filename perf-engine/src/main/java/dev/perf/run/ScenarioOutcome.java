package dev.perf.run;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.LoadRun;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.VerdictSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One scenario's run, judged.
 *
 * @param runDirectory where its summary.json and latency.hlog are
 * @param figures      what the run measured and concluded: responses, analysis, resources
 * @param generator    whether the load generator was the bottleneck
 * @param thresholds   the scenario's thresholds, then the default gates, judged
 * @param regressions  figures compared with the baseline (empty without a history or a baseline)
 * @param failOnRegression whether a regression fails the run
 */
public record ScenarioOutcome(Scenario scenario, String runId, Path runDirectory, LoadRun run, RunFigures figures,
                              GeneratorCheck.Verdict generator, List<ThresholdResult> thresholds,
                              List<RegressionCheck.Finding> regressions, boolean failOnRegression) {

    /** A run's verdict. */
    public enum Verdict {
        /** Everything it set out to measure was measured and held. */
        PASSED,
        /** Something broke, or it did not run to the end: fails the build. */
        FAILED,
        /** Nothing broke, but some thresholds could not be judged (see {@link #inconclusive()}): does not fail the build. */
        INCONCLUSIVE;

        /** {@code passed}, {@code failed}, {@code inconclusive}: as summary.json and the history write it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The verdict of an invocation: failed if stopped or any run failed, else inconclusive if any run was. */
        public static Verdict of(List<ScenarioOutcome> outcomes, boolean aborted) {
            if (aborted || outcomes.stream().anyMatch(ScenarioOutcome::failed)) {
                return FAILED;
            }
            return outcomes.stream().anyMatch(o -> o.verdict() == INCONCLUSIVE) ? INCONCLUSIVE : PASSED;
        }
    }

    public Verdict verdict() {
        if (!failures().isEmpty()) {
            return Verdict.FAILED;
        }
        return inconclusive().isEmpty() ? Verdict.PASSED : Verdict.INCONCLUSIVE;
    }

    /** Whether the run fails the build. */
    public boolean failed() {
        return verdict() == Verdict.FAILED;
    }

    public List<ThresholdResult> breaches() {
        return thresholds.stream().filter(ThresholdResult::breached).toList();
    }

    /** Why the run failed, one line each ("stopped early: ...", a breached threshold, a regressed figure); empty when it did not. */
    public List<String> failures() {
        List<String> reasons = new ArrayList<>();
        if (run.partial()) {
            reasons.add("stopped early" + (run.stopReason() == null ? " (interrupted)" : ": " + run.stopReason()));
        }
        if (saturationFails()) {
            reasons.add("the load generator was saturated, so the figures describe it rather than the target ("
                    + String.join("; ", generator.reasons()) + "); verdict.onSaturatedGenerator is fail");
        }
        breaches().forEach(b -> reasons.add("breach: " + b.describe()));
        if (failOnRegression) {
            regressions.stream().filter(f -> f.verdict() == RegressionCheck.Verdict.REGRESSED)
                    .forEach(f -> reasons.add("regression: " + f.request() + " " + f.metric() + " " + f.shown()
                            + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)",
                            f.changePercent()))));
        }
        return reasons;
    }

    /** Whether the generator was saturated and the scenario's policy makes that fail the run. */
    public boolean saturationFails() {
        return generator.saturated() && scenario.verdict().onSaturatedGenerator() == VerdictSpec.Saturation.FAIL;
    }

    /** What could not be judged, one line each (a threshold without enough baseline, a saturated generator's figure). */
    public List<String> inconclusive() {
        return thresholds.stream().filter(t -> !t.judged()).map(t -> "inconclusive: " + t.describe()).toList();
    }
}
