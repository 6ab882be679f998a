package dev.perf.track;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.scenario.Threshold;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.analysis.ThresholdResult;
import dev.perf.history.RunRecord;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.monitor.ResourceSummary;
import dev.perf.report.RegressionReport;
import dev.perf.report.ResourcesJson;
import dev.perf.report.SummaryJson;
import dev.perf.report.TrackedJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
     * @param recordedIn the history the run went into, or {@code null}
     * @param metrics    the figures the run was judged on and recorded with
     * @param costs      its cost per execution, by operation and {@code ALL}
     */
    public record Outcome(String runId, List<ThresholdResult> results, int earlier, List<String> failedOps,
                          List<RegressionCheck.Finding> regressions, boolean failOnRegression, Path summaryFile,
                          String recordedIn, RunMetrics metrics, Map<String, OperationCost> costs) {

        public boolean passed() {
            return failedOps.isEmpty() && results.stream().noneMatch(ThresholdResult::breached)
                    && !(failOnRegression && RegressionCheck.regressed(regressions));
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
        boolean passed = failedOps.isEmpty() && results.stream().noneMatch(ThresholdResult::breached)
                && !(settings.failOnRegression() && RegressionCheck.regressed(regressions));
        ObjectNode summary = TrackedJson.toJson(runId, run.test(), source, run.start(), end, metrics, costs, results,
                passed, resources);
        summary.set("regressions", RegressionReport.json(regressions, history ? settings.regressionTolerance() : null,
                settings.failOnRegression()));
        Path file = settings.outputDirectory().resolve("tracked").resolve(runId).resolve("summary.json");
        Map<String, byte[]> documents = new LinkedHashMap<>();
        try {
            Files.createDirectories(file.getParent());
            SummaryJson.write(summary, file);
            documents.put("summary.json", Files.readAllBytes(file));
            if (resources != null) {
                Path series = file.resolveSibling("resources.json");
                SummaryJson.write(ResourcesJson.series(runId, resources), series);
                documents.put("resources.json", Files.readAllBytes(series));
            }
        } catch (IOException e) {
            warn.accept("the results of " + run.test() + " could not be written to " + file + ": " + e.getMessage());
            file = null;
        }
        String recordedIn = null;
        if (history && trackedHistory.context() != null) {
            recordedIn = trackedHistory.record(new RunRecord(runId, run.test(), source, null, run.start(), end,
                    passed ? "passed" : "failed", RunRecord.TRACKED, "operations tracked in " + source, metrics,
                    results, resources, false, trackedHistory.context(), documents, costs, null));
        }
        return new Outcome(runId, results, judged.size(), failedOps, regressions, settings.failOnRegression(), file,
                recordedIn, metrics, costs);
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
