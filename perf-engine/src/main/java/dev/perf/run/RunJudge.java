package dev.perf.run;

import dev.perf.analysis.Baselines;
import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.Judgement;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.analysis.ThresholdResult;
import dev.perf.analysis.VerdictGates;
import dev.perf.metrics.LoadRun;
import dev.perf.monitor.ResourceSummary;
import dev.perf.report.RegressionReport;
import dev.perf.report.SummaryJson;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;
import dev.perf.scenario.Check;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Threshold;
import dev.perf.scenario.VerdictSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Judges what a run measured, the same way for a run of the engine and for a merge of shards: the scalability
 * analysis, the thresholds and default gates, the regression check against the history, and the verdict.
 *
 * @param history        where relative thresholds find their baseline, or {@code null}
 * @param historyOptions the history asked for, or {@code null} for none
 */
record RunJudge(HistoryWriter history, HistoryOptions historyOptions) {

    /**
     * What a caller changes in the judging.
     *
     * @param thresholds   applied to the thresholds as judged on the figures (a shard leaves them to the merge; a
     *                     merge judges resource figures on the shards)
     * @param inconclusive what keeps the whole run from passing besides its thresholds (a merge of some shards only)
     */
    record Adjust(UnaryOperator<List<ThresholdResult>> thresholds, List<String> inconclusive) {
        static final Adjust NONE = new Adjust(UnaryOperator.identity(), List.of());
    }

    /**
     * @param stop      where a stepped plan's {@code stopWhen} ended it, or {@code null}
     * @param resources what the monitor saw, or {@code null}
     * @param samples   its samples for resources.json, or {@code null}
     * @param generator whether the generator was the bottleneck
     */
    ScenarioOutcome judge(Scenario scenario, String runId, Path runDirectory, LoadRun run,
                          ScalabilityAnalysis.Stop stop, ResourceSummary resources, ResourceSamples samples,
                          GeneratorCheck.Verdict generator, Adjust adjust) {
        ScalabilityAnalysis analysis = StepAnalysis.of(scenario, run.metrics(), stop);
        Baselines baselines = history != null ? history.baselines(scenario) : historyOptions == null ? null
                : Baselines.none("the run history could not be opened (see the warning above)");
        RunFigures figures = new RunFigures(run.metrics().overall(), run.metrics().byRequest(), analysis, resources,
                baselines, run.metrics().parts()).withFlows(run.metrics().flows());
        if (generator.saturated() && scenario.verdict().onSaturatedGenerator() == VerdictSpec.Saturation.WARN) {
            figures = figures.saturated("the load generator was saturated, so the figure may describe it rather than the "
                    + "target (" + generator.reasons().get(0) + ")", !scenario.load().isOpenModel());
        }
        List<Threshold> judged = new ArrayList<>(scenario.thresholds());
        judged.addAll(VerdictGates.of(scenario.thresholds(), scenario.verdict(), scenario.load(),
                scenario.flows().stream().flatMap(f -> f.steps().stream()).flatMap(s -> s.checks().stream())
                        .anyMatch(Check::readsPartOfLongBodies)));
        List<ThresholdResult> thresholds = adjust.thresholds().apply(ThresholdEvaluator.evaluate(judged, figures));
        List<RegressionCheck.Finding> regressions = history == null ? List.of()
                : RegressionCheck.check(figures, historyOptions.tolerance(), !scenario.load().isOpenModel());
        boolean failOnRegression = historyOptions != null && historyOptions.failOnRegression();
        Judgement judgement = ScenarioOutcome.judge(scenario, run, generator, thresholds, regressions, failOnRegression)
                .withInconclusive(adjust.inconclusive());
        RunResult result = SummaryJson.of(scenario, runId, run, figures, generator, thresholds,
                judgement.verdict().key(), judgement.inconclusive()).withRegressions(RegressionReport.json(regressions,
                history == null ? null : historyOptions.tolerance(), failOnRegression));
        return new ScenarioOutcome(scenario, runId, runDirectory, run, figures, generator, thresholds, regressions,
                failOnRegression, judgement, result, samples);
    }
}
