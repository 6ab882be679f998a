package dev.perf.run;

import dev.perf.analysis.LevelResult;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.ScalabilityAnalyzer;
import dev.perf.scenario.Threshold;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.LoadKind;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.StepPlan;

import java.util.ArrayList;
import java.util.List;

/** Turns a stepped run's stages into levels and analyses them. */
final class StepAnalysis {

    private StepAnalysis() {
    }

    /** @return the analysis, or {@code null} when the plan is not stepped */
    static ScalabilityAnalysis of(Scenario scenario, RunMetrics metrics, ScalabilityAnalysis.Stop stop) {
        StepPlan steps = scenario.load().steps();
        if (steps == null) {
            return null;
        }
        List<LevelResult> levels = new ArrayList<>();
        for (StepPlan.Level level : steps.levels()) {
            StageMetrics stage = metrics.stages().get(level.stageIndex());
            boolean held = ThresholdEvaluator.requestThresholdsHold(scenario.thresholds(), stage.overall(),
                    stage.byRequest());
            levels.add(new LevelResult(level.number(), level.load(), stage.ran(), stage.overall(), held,
                    broken(steps.breakpoint(), stage)));
        }
        return ScalabilityAnalyzer.analyze(levels, steps.kind() == LoadKind.RATE, stop,
                scenario.thresholds().stream().anyMatch(t -> t.metric().isLatency() || t.metric().isApdex()));
    }

    /** The breakpoint condition holds, or nothing completed. */
    private static boolean broken(Threshold breakpoint, StageMetrics stage) {
        Double measured = ThresholdEvaluator.measure(breakpoint, stage.overall(), stage.byRequest());
        return measured == null || breakpoint.holds(measured);
    }
}
