package dev.perf.run;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.Judgement;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdResult;
import dev.perf.analysis.Verdict;
import dev.perf.history.Digests;
import dev.perf.history.RunContext;
import dev.perf.history.RunRecord;
import dev.perf.metrics.LoadRun;
import dev.perf.report.JudgedRun;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.VerdictSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One scenario's run, judged: what the sinks (console, result files, history, JUnit XML, Markdown) are given.
 *
 * @param runDirectory where its summary.json and latency.hlog are
 * @param figures      what the run measured and concluded: responses, analysis, resources
 * @param generator    whether the load generator was the bottleneck
 * @param thresholds   the scenario's thresholds, then the default gates, judged
 * @param regressions  figures compared with the baseline (empty without a history or a baseline)
 * @param failOnRegression whether a regression fails the run
 * @param judgement    the verdict with its reasons
 * @param result       the run as its summary.json says it
 * @param samples      every sample the monitor took, or {@code null}
 */
public record ScenarioOutcome(Scenario scenario, String runId, Path runDirectory, LoadRun run, RunFigures figures,
                              GeneratorCheck.Verdict generator, List<ThresholdResult> thresholds,
                              List<RegressionCheck.Finding> regressions, boolean failOnRegression,
                              Judgement judgement, RunResult result, ResourceSamples samples) implements JudgedRun {

    /** Judges the run: the rule is {@link Judgement#of}; a saturated generator fails it when the scenario says so. */
    static Judgement judge(Scenario scenario, LoadRun run, GeneratorCheck.Verdict generator,
                           List<ThresholdResult> thresholds, List<RegressionCheck.Finding> regressions,
                           boolean failOnRegression) {
        String saturation = !saturationFails(scenario, generator) ? null : "the load generator was saturated, so the "
                + "figures describe it rather than the target (" + String.join("; ", generator.reasons())
                + "); verdict.onSaturatedGenerator is fail";
        return Judgement.of(run.partial(), run.stopReason(), saturation, thresholds, regressions, failOnRegression,
                List.of());
    }

    /** The same outcome, with its summary.json told more (which shard it was, what it was merged from). */
    ScenarioOutcome withResult(RunResult other) {
        return new ScenarioOutcome(scenario, runId, runDirectory, run, figures, generator, thresholds, regressions,
                failOnRegression, judgement, other, samples);
    }

    @Override
    public Path directory() {
        return runDirectory;
    }

    @Override
    public RunRecord record(RunContext context, Map<String, byte[]> documents) {
        return new RunRecord(runId, scenario.name(), scenario.file().toString(), sha256(scenario.file()),
                run.startTime(), run.endTime(), judgement.recorded(), scenario.load().isOpenModel() ? "open" : "closed",
                scenario.load().describe(), run.metrics(), thresholds, figures.resources(), generator.saturated(),
                context, documents, Map.of(), scenario.environment());
    }

    /** The SHA-256 of a scenario file, or {@code null} when it cannot be read. */
    static String sha256(Path file) {
        try {
            return Digests.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    public Verdict verdict() {
        return judgement.verdict();
    }

    /** Whether the run fails the build. */
    public boolean failed() {
        return judgement.failed();
    }

    public List<ThresholdResult> breaches() {
        return thresholds.stream().filter(ThresholdResult::breached).toList();
    }

    /** Why the run failed, one line each ("stopped early: ...", a breached threshold, a regressed figure); empty when it did not. */
    public List<String> failures() {
        return judgement.failures();
    }

    /** Whether the generator was saturated and the scenario's policy makes that fail the run. */
    public boolean saturationFails() {
        return saturationFails(scenario, generator);
    }

    private static boolean saturationFails(Scenario scenario, GeneratorCheck.Verdict generator) {
        return generator.saturated() && scenario.verdict().onSaturatedGenerator() == VerdictSpec.Saturation.FAIL;
    }

    /** What could not be judged, one line each (a threshold without enough baseline, a saturated generator's figure). */
    public List<String> inconclusive() {
        return judgement.inconclusive();
    }
}
