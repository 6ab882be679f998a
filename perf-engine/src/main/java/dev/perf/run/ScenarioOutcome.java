package dev.perf.run;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdResult;
import dev.perf.engine.LoadRun;
import dev.perf.scenario.Scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario's run, judged.
 *
 * @param runDirectory where its summary.json and latency.hlog are
 * @param figures      what the run measured and concluded: responses, analysis, resources
 * @param generator    whether the load generator was the bottleneck
 * @param regressions  figures compared with the baseline (empty without a history or a baseline)
 * @param failOnRegression whether a regression fails the run
 */
public record ScenarioOutcome(Scenario scenario, String runId, Path runDirectory, LoadRun run, RunFigures figures,
                              GeneratorCheck.Verdict generator, List<ThresholdResult> thresholds,
                              List<RegressionCheck.Finding> regressions, boolean failOnRegression) {

    public boolean passed() {
        return !run.partial() && thresholds.stream().noneMatch(ThresholdResult::breached)
                && !(failOnRegression && RegressionCheck.regressed(regressions));
    }

    public List<ThresholdResult> breaches() {
        return thresholds.stream().filter(ThresholdResult::breached).toList();
    }

    /** Why the run failed, one line each ("stopped early: ...", a breached threshold, a regressed figure); empty when it passed. */
    public List<String> failures() {
        List<String> reasons = new ArrayList<>();
        if (run.partial()) {
            reasons.add("stopped early" + (run.stopReason() == null ? " (interrupted)" : ": " + run.stopReason()));
        }
        breaches().forEach(b -> reasons.add("breach: " + b.describe()));
        if (failOnRegression) {
            regressions.stream().filter(f -> f.verdict() == RegressionCheck.Verdict.REGRESSED)
                    .forEach(f -> reasons.add("regression: " + f.request() + " " + f.metric() + " " + f.shown()
                            + (f.changePercent() == null ? "" : String.format(java.util.Locale.ROOT, " (%+.1f%%)",
                            f.changePercent()))));
        }
        return reasons;
    }
}
