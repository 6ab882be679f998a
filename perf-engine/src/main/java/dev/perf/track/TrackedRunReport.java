package dev.perf.track;

import dev.perf.analysis.Judgement;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.scenario.Threshold;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.monitor.ResourceSummary;
import dev.perf.report.HistorySink;
import dev.perf.report.RegressionReport;
import dev.perf.report.ResultFiles;
import dev.perf.report.ResourcesJson;
import dev.perf.result.RunResult;
import dev.perf.report.TrackedJson;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Judges a tracked test's thresholds and keeps its run: {@code <output>/tracked/<run>/summary.json} and a run of the
 * history, which trends, baselines and the dashboard then treat like any scenario's.
 */
public final class TrackedRunReport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private TrackedRunReport() {
    }

    /**
     * @param runId      the run's id
     * @param results    every threshold's verdict, in order: those judged before the end first
     * @param earlier    how many of {@code results} were judged before the end (and failed their tests then)
     * @param failedOps  operations with failed executions that no success-rate or error-rate threshold judged
     * @param regressions each figure compared with the baseline (none without a history)
     * @param failOnRegression whether a regression fails the run
     * @param summaryFile its summary.json, or {@code null} when it could not be written
     * @param recordedIn the history the run went into, or {@code null}
     * @param metrics    the figures the run was judged on and recorded with
     * @param costs      its cost per execution, by operation and {@code ALL}
     * @param judgement  its verdict with the reasons, by the rule every run is judged by
     */
    public record Outcome(String runId, List<ThresholdResult> results, int earlier, List<String> failedOps,
                          List<RegressionCheck.Finding> regressions, boolean failOnRegression, Path summaryFile,
                          String recordedIn, RunMetrics metrics, Map<String, OperationCost> costs,
                          Judgement judgement) {

        /** Whether the run did not fail (an inconclusive run passes, as a load run's does). */
        public boolean passed() {
            return !judgement.failed();
        }

        /** The figures that regressed against the baseline. */
        public List<RegressionCheck.Finding> regressed() {
            return regressions.stream().filter(f -> f.verdict() == RegressionCheck.Verdict.REGRESSED).toList();
        }

        public List<ThresholdResult> breaches() {
            return results.stream().filter(ThresholdResult::breached).toList();
        }

        /** Breaches of the thresholds judged at the end, on the whole run. */
        public List<ThresholdResult> breachesAtEnd() {
            return results.subList(earlier, results.size()).stream().filter(ThresholdResult::breached).toList();
        }
    }

    /** Judges thresholds on the figures so far, against the history's baseline for relative ones. */
    public static List<ThresholdResult> judge(List<Threshold> thresholds, RunMetrics metrics, ResourceSummary resources,
                                              TrackedHistory history) {
        if (thresholds.isEmpty()) {
            return List.of();
        }
        return ThresholdEvaluator.evaluate(thresholds, new RunFigures(metrics.overall(), metrics.byRequest(), null,
                resources, history));
    }

    /**
     * Judges the test's own thresholds on the whole run, then writes and records it.
     *
     * @param source     the test class
     * @param thresholds the thresholds judged on the whole run now
     * @param judged     verdicts given earlier (a method's thresholds, after it ran), kept with the run
     * @param resources  what the monitor saw, or {@code null}
     */
    public static Outcome finish(TrackedRun run, String source, List<Threshold> thresholds,
                                 List<ThresholdResult> judged, ResourceSummary resources, TrackSettings settings,
                                 TrackedHistory trackedHistory, Consumer<String> warn) {
        run.stopSampling();
        RunMetrics metrics = run.metrics();
        Map<String, OperationCost> costs = run.costs();
        List<ThresholdResult> results = new ArrayList<>(judged);
        results.addAll(judge(thresholds, metrics, resources, trackedHistory));
        List<String> failedOps = unjudgedFailures(metrics, results);
        boolean history = settings.history() != null;
        // latency and error rate against earlier comparable runs, as perf:run does (throughput means nothing here)
        List<RegressionCheck.Finding> regressions = !history ? List.of() : RegressionCheck.check(new RunFigures(
                metrics.overall(), metrics.byRequest(), null, resources, trackedHistory), settings.regressionTolerance(),
                false);
        Instant end = Instant.now();
        // unique across forks finishing in the same second; a name is made safe for a folder
        String runId = STAMP.format(LocalDateTime.now()) + "-" + run.test().replaceAll("[^A-Za-z0-9_.-]+", "_") + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Judgement judgement = Judgement.of(false, null, null, results, regressions, settings.failOnRegression(),
                failedOps.stream().map(op -> "failed executions of " + op + " (a success-rate threshold would say how "
                        + "many may fail)").toList());
        RunResult summary = TrackedJson.of(runId, run.test(), source, run.start(), end, metrics, costs, results,
                judgement.verdict().key(), resources).withRegressions(RegressionReport.json(regressions,
                history ? settings.regressionTolerance() : null, settings.failOnRegression()));
        Path directory = settings.outputDirectory().resolve("tracked").resolve(runId);
        TrackedResult ended = new TrackedResult(summary, resources == null ? null : ResourcesJson.series(runId,
                resources), judgement, directory, run.test(), source, run.start(), end, metrics, results, resources,
                costs);
        Path file = directory.resolve(ResultFiles.SUMMARY);
        try {
            new ResultFiles().runEnded(ended);
        } catch (IOException e) {
            warn.accept("the results of " + run.test() + " could not be written to " + file + ": " + e.getMessage());
            file = null;
        }
        String recordedIn = null;
        HistorySink sink = history ? trackedHistory.sink() : null;
        if (sink != null) {
            String problem = sink.runEnded(ended);
            if (problem != null) {
                warn.accept(problem);
            } else {
                recordedIn = sink.location();
            }
        }
        return new Outcome(runId, results, judged.size(), failedOps, regressions, settings.failOnRegression(), file,
                recordedIn, metrics, costs, judgement);
    }

    /** Operations that failed when no success-rate or error-rate threshold says how many failures are acceptable. */
    static List<String> unjudgedFailures(RunMetrics metrics, List<ThresholdResult> results) {
        List<String> failed = new ArrayList<>();
        for (RequestStats op : metrics.byRequest().values()) {
            if (op.failed() > 0 && results.stream().map(ThresholdResult::threshold).noneMatch(t -> judgesFailures(t, op.name()))) {
                failed.add(op.name());
            }
        }
        return failed;
    }

    /** Whether the threshold judges the failures of that operation: a success or error rate on it or on all. */
    public static boolean judgesFailures(Threshold threshold, String operation) {
        String metric = threshold.metric().name();
        return (metric.equals("success-rate") || metric.equals("error-rate"))
                && (threshold.request() == null || threshold.request().equals(operation));
    }
}
