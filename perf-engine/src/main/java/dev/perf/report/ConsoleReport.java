package dev.perf.report;

import dev.perf.analysis.Finding;
import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.LinearFit;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.ThresholdResult;
import dev.perf.analysis.UslFit;
import dev.perf.metrics.LoadRun;
import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.PhaseTimes;
import dev.perf.metrics.RequestStats;
import dev.perf.scenario.Metric;
import dev.perf.scenario.Phase;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.StepPlan;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The end-of-run console summary: one table row per request and one for all, a table of stages (or levels) when
 * there are several, the scalability analysis of a stepped test, errors, then thresholds. Latencies in
 * milliseconds, measured from the intended send time.
 */
public final class ConsoleReport {
    private static final String[] HEADER = {"request", "count", "ok", "failed", "success", "rps", "min", "avg",
            "median", "p90", "p95", "p99", "max", "stddev", "dropped"};
    private static final String[] STAGE_HEADER = {"stage", "load", "count", "success", "ok/s", "avg", "median",
            "p95", "p99", "max", "errors", "dropped", "late"};
    private static final String[] FLOW_HEADER = {"flow", "iterations", "completed", "failed", "success", "avg",
            "median", "p95", "p99", "max"};

    private ConsoleReport() {
    }

    /** Writes the report, one line per call of {@code out}. */
    public static void print(Scenario scenario, LoadRun run, RunFigures figures, GeneratorCheck.Verdict generator,
                             List<ThresholdResult> thresholds, Consumer<String> out) {
        ScalabilityAnalysis analysis = figures.analysis();
        RunMetrics m = run.metrics();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        m.byRequest().values().forEach(stats -> rows.add(row(stats)));
        if (m.byRequest().size() > 1 || m.byRequest().isEmpty()) {
            rows.add(row(m.overall()));
        }
        out.accept("");
        out.accept("Scenario " + scenario.name() + (run.partial() ? "  (PARTIAL: stopped early)" : "")
                + String.format(Locale.ROOT, "  -  %.1fs of load; latency in ms from intended send time", m.elapsedSeconds()));
        Tables.print(rows, 1, out);
        if (run.stopReason() != null) {
            out.accept("  STOPPED EARLY: " + run.stopReason());
        }
        if (m.stages().stream().filter(StageMetrics::offersLoad).count() > 1) {
            out.accept("  " + (scenario.load().isStepped() ? "levels:" : "stages:"));
            Tables.print(stageRows(scenario, m), 2, line -> out.accept("  " + line));
        }
        if (!m.flows().isEmpty()) {
            out.accept("  flows (each iteration from its intended start to its last step's end):");
            List<String[]> flowRows = new ArrayList<>();
            flowRows.add(FLOW_HEADER);
            m.flows().values().forEach(f -> flowRows.add(new String[]{f.name(), Cells.count(f.count()),
                    Cells.count(f.ok()), Cells.count(f.failed()), Cells.percent(f.successRatePercent()),
                    Cells.millis(f.meanMillis()), Cells.millis(f.percentileMillis(50)),
                    Cells.millis(f.percentileMillis(95)), Cells.millis(f.percentileMillis(99)),
                    Cells.millis(f.maxMillis())}));
            Tables.print(flowRows, 1, line -> out.accept("  " + line));
        }
        if (analysis != null) {
            printAnalysis(scenario.load().steps(), analysis, out);
        }
        for (RequestStats stats : m.byRequest().values()) {
            stats.checkFailures().forEach((check, n) -> out.accept("  check failed: " + stats.name() + " '" + check
                    + "' x" + Cells.count(n)));
            stats.checksNotJudged().forEach((check, n) -> out.accept("  check not judged: " + stats.name() + " '"
                    + check + "' x" + Cells.count(n) + " (found nothing in the first "
                    + dev.perf.scenario.Check.MAX_BODY_BYTES / 1024 / 1024 + " MiB of a longer body)"));
        }
        for (Map.Entry<ErrorKind, RequestStats.ErrorCount> error : m.overall().errorCounts().entrySet()) {
            RequestStats.ErrorCount e = error.getValue();
            out.accept("  errors: " + error.getKey().label() + " x" + Cells.count(e.count())
                    + (e.firstMessage() == null ? "" : "  (first: " + e.firstMessage() + ")"));
        }
        if (m.overall().dropped() > 0) {
            out.accept("  WARNING: " + Cells.count(m.overall().dropped()) + " arrivals dropped: maxInFlight requests "
                    + "were at the target and a second's worth of arrivals already waited for them (the target is too "
                    + "slow for the rate, or raise load.maxInFlight)");
        }
        if (run.iterationsCutShort() > 0) {
            out.accept("  note: " + Cells.count(run.iterationsCutShort()) + " flow iterations were cut short when the load "
                    + "ended (stopped at a step boundary, their remaining steps not sent; not counted as flows)");
        }
        if (run.unfinished() > 0) {
            out.accept("  WARNING: " + Cells.count(run.unfinished()) + (scenario.load().isOpenModel() ? " requests"
                    : " virtual users") + " still had no response when the wait after the load ended; they are in "
                    + "none of these figures");
        }
        if (m.lateSends() > 0) {
            out.accept(String.format(Locale.ROOT, "  note: %s sends were more than 1ms behind schedule "
                    + "(worst %.1fms); latency includes that delay", Cells.count(m.lateSends()), m.sendLagMaxMillis()));
        }
        String jit = jitHint(m.sendLagP99Millis(), ManagementFactory.getRuntimeMXBean().getInputArguments());
        if (jit != null) {
            out.accept(jit);
        }
        Map<String, Long> protocols = m.overall().protocols();
        out.accept("  connections: " + Cells.count(m.connectionsOpened()) + " opened, "
                + Cells.count(m.connectionsReused()) + " reused" + (protocols.isEmpty()
                || scenario.http().version() == dev.perf.scenario.HttpVersion.HTTP_1_1 ? "" : "; responses over "
                + protocols.entrySet().stream().map(e -> e.getKey() + " " + Cells.count(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", ")))
                + (m.overall().http2Responses() > 0 && m.connectionsOpened() > 0 ? String.format(Locale.ROOT,
                " (%.1f HTTP/2 requests per connection opened)", m.overall().http2Responses()
                        / (double) m.connectionsOpened()) : ""));
        if (!m.overall().phases().isEmpty()) {
            out.accept("  phases, p50 / p95: " + phases(m.overall().phases()));
        }
        ResourceReport.print(figures.resources(), generator, out);
        if (!thresholds.isEmpty()) {
            out.accept("  thresholds:");
            for (ThresholdResult result : thresholds) {
                out.accept("    " + (!result.judged() ? "INCONCLUSIVE  " : result.passed() ? "PASS          "
                        : "FAIL          ") + result.describe());
            }
        }
    }

    /**
     * {@code connect 80us / 210us (50x); ttfb 1.20ms / 3.40ms; receive 12us / 20us}: each phase that happened; the
     * connection's phases with how often they happened, since they are not every request's.
     */
    static String phases(PhaseTimes times) {
        return times.phases().stream().map(phase -> phase.key() + " "
                + Metric.formatMillis(times.percentileMillis(phase, 50)) + " / "
                + Metric.formatMillis(times.percentileMillis(phase, 95))
                + (phase.ofNewConnection() ? " (" + Cells.count(times.count(phase)) + "x)" : ""))
                .collect(java.util.stream.Collectors.joining("; "));
    }

    private static List<String[]> stageRows(Scenario scenario, RunMetrics m) {
        StepPlan steps = scenario.load().steps();
        boolean open = scenario.load().isOpenModel();
        List<String[]> rows = new ArrayList<>();
        // lateness and drops are the open model's; a closed model is never late
        int columns = open ? STAGE_HEADER.length : STAGE_HEADER.length - 2;
        rows.add(Arrays.copyOf(STAGE_HEADER, columns));
        for (StageMetrics stage : m.stages()) {
            if (!stage.offersLoad()) {
                continue;
            }
            StepPlan.Level level = steps == null ? null : steps.levelOfStage(stage.index());
            String name = level != null ? Integer.toString(level.number())
                    : steps != null ? steps.roleOfStage(stage.index(), scenario.load().stages().get(stage.index()))
                    : Integer.toString(stage.index() + 1);
            String load = level != null ? steps.kind().format(level.load()) : stage.description();
            if (!stage.ran()) {
                String[] row = new String[columns];
                Arrays.fill(row, "");
                row[0] = name;
                row[1] = load;
                row[2] = "not run";
                rows.add(row);
                continue;
            }
            RequestStats s = stage.overall();
            rows.add(Arrays.copyOf(new String[]{name, load, Cells.count(s.count()),
                    Cells.percent(s.successRatePercent()), Cells.rate(s.okPerSecond()), Cells.millis(s.meanMillis()),
                    Cells.millis(s.percentileMillis(50)), Cells.millis(s.percentileMillis(95)),
                    Cells.millis(s.percentileMillis(99)), Cells.millis(s.maxMillis()), Cells.count(s.failed()),
                    Cells.count(s.dropped()), Cells.count(stage.lateSends())}, columns));
        }
        return rows;
    }

    private static void printAnalysis(StepPlan steps, ScalabilityAnalysis a, Consumer<String> out) {
        String unit = a.openModel() ? "1/s" : "user";
        out.accept("  scalability (" + (a.openModel() ? "rate" : "concurrency") + " steps; throughput counts "
                + "successful responses):");
        String slope = a.medianSlope() == null ? a.slopeNote()
                : slope("median", a.medianSlope(), unit) + ", " + slope("p95", a.p95Slope(), unit) + ", "
                + slope("avg", a.avgSlope(), unit);
        out.accept("    response time vs load: " + slope);
        out.accept("    degradation start:     " + finding(a.degradationStart()));
        out.accept("    breakpoint:            " + finding(a.breakpoint()) + "  (when " + steps.breakpoint().expression() + ")");
        out.accept("    optimal load:          " + finding(a.optimalLoad()));
        out.accept("    max sustainable:       " + finding(a.maxSustainable()));
        a.notes().forEach(note -> out.accept("    note: " + note));
        if (!a.openModel()) {
            out.accept("    USL:                   " + (a.usl() == null ? a.uslNote() : usl(a.usl())));
        }
        if (a.stoppedEarly() != null) {
            ScalabilityAnalysis.Stop stop = a.stoppedEarly();
            out.accept("    stopped early:         stopWhen '" + stop.condition() + "' held at level " + stop.level()
                    + " (" + steps.kind().format(stop.load()) + ", measured " + stop.measured() + ")");
        }
    }

    private static String slope(String what, LinearFit fit, String unit) {
        return String.format(Locale.ROOT, "%s %+.3f ms per %s (R² %s)", what, fit.slope(), unit,
                fit.r2() == null ? "n/a" : String.format(Locale.ROOT, "%.2f", fit.r2()));
    }

    private static String finding(Finding f) {
        return f.status() == Finding.Status.NOT_COMPUTABLE ? "n/a: " + f.text() : f.text();
    }

    private static String usl(UslFit fit) {
        String peak = fit.peakConcurrency() == null ? "no peak (kappa 0: throughput keeps rising)"
                : String.format(Locale.ROOT, "peak at %.1f users -> %.1f/s", fit.peakConcurrency(), fit.peakThroughput());
        return String.format(Locale.ROOT, "lambda %.2f/s per user, sigma %.4f, kappa %.6f, %s (R² %.3f, %d levels)",
                fit.lambda(), fit.sigma(), fit.kappa(), peak, fit.r2(), fit.n());
    }

    private static String[] row(RequestStats s) {
        return new String[]{s.name(), Cells.count(s.count()), Cells.count(s.ok()), Cells.count(s.failed()),
                Cells.percent(s.successRatePercent()), Cells.rate(s.rps()), Cells.millis(s.minMillis()),
                Cells.millis(s.meanMillis()), Cells.millis(s.percentileMillis(50)), Cells.millis(s.percentileMillis(90)),
                Cells.millis(s.percentileMillis(95)), Cells.millis(s.percentileMillis(99)), Cells.millis(s.maxMillis()),
                Cells.millis(s.stdDevMillis()), Cells.count(s.dropped())};
    }


    /**
     * Advice when the open model fell behind its schedule ({@link GeneratorCheck#LAG_P99_MILLIS}) in a JVM whose JIT
     * compiles with both tiers: on a runner with few cores, the C2 compiler shares them with the event loop for the
     * first seconds, and the quicker tier alone ends that sooner (bench/README.md); {@code null} when it does not
     * apply.
     */
    static String jitHint(Double sendLagP99Millis, List<String> jvmArguments) {
        if (sendLagP99Millis == null || sendLagP99Millis <= GeneratorCheck.LAG_P99_MILLIS
                || jvmArguments.stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel="))) {
            return null;
        }
        return "  hint: the JIT compiler shares a small runner's cores in the load's first seconds; "
                + "-XX:TieredStopAtLevel=1 in .mvn/jvm.config makes that shorter, at a lower top speed "
                + "(docs/guide/load-tests.md, \"High rates on a small machine\")";
    }
}
