package dev.perf.run;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdResult;
import dev.perf.engine.LoadRun;
import dev.perf.scenario.Scenario;

import java.nio.file.Path;
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
}
