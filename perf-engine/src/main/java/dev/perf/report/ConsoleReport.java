package dev.perf.report;

import dev.perf.analysis.ThresholdResult;
import dev.perf.engine.LoadRun;
import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.StageMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The end-of-run console summary: one table row per request and one for all, then errors, then thresholds.
 * Latencies in milliseconds, measured from the intended send time.
 */
public final class ConsoleReport {
    private static final String[] HEADER = {"request", "count", "ok", "failed", "success", "rps", "min", "avg",
            "median", "p90", "p95", "p99", "max", "stddev", "dropped"};

    private ConsoleReport() {
    }

    /** Writes the report, one line per call of {@code out}. */
    public static void print(String scenario, LoadRun run, List<ThresholdResult> thresholds, Consumer<String> out) {
        RunMetrics m = run.metrics();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        m.byRequest().values().forEach(stats -> rows.add(row(stats)));
        if (m.byRequest().size() > 1 || m.byRequest().isEmpty()) {
            rows.add(row(m.overall()));
        }
        out.accept("");
        out.accept("Scenario " + scenario + (run.partial() ? "  (PARTIAL: stopped early)" : "")
                + String.format(Locale.ROOT, "  -  %.1fs of load; latency in ms from intended send time", m.elapsedSeconds()));
        printTable(rows, out);
        if (m.stages().size() > 1) {
            out.accept("  stages:");
            for (StageMetrics stage : m.stages()) {
                RequestStats st = stage.overall();
                out.accept("    " + (stage.index() + 1) + ". " + stage.description() + ": " + Cells.count(st.count())
                        + " responses, " + Cells.rate(st.rps()) + "/s, success " + Cells.percent(st.successRatePercent())
                        + ", p95 " + Cells.millis(st.percentileMillis(95)) + " ms, dropped " + Cells.count(st.dropped()));
            }
        }
        for (Map.Entry<ErrorKind, RequestStats.ErrorCount> error : m.overall().errorCounts().entrySet()) {
            RequestStats.ErrorCount e = error.getValue();
            out.accept("  errors: " + error.getKey().label() + " x" + Cells.count(e.count())
                    + (e.firstMessage() == null ? "" : "  (first: " + e.firstMessage() + ")"));
        }
        if (m.overall().dropped() > 0) {
            out.accept("  WARNING: " + Cells.count(m.overall().dropped()) + " arrivals dropped: maxInFlight requests "
                    + "were outstanding (the target is too slow for the rate, or raise load.maxInFlight)");
        }
        if (m.lateSends() > 0) {
            out.accept(String.format(Locale.ROOT, "  note: %s sends were more than 1ms behind schedule "
                    + "(worst %.1fms); latency includes that delay", Cells.count(m.lateSends()), m.sendLagMaxMillis()));
        }
        out.accept("  connections: " + Cells.count(m.connectionsOpened()) + " opened, "
                + Cells.count(m.connectionsReused()) + " reused");
        if (!thresholds.isEmpty()) {
            out.accept("  thresholds:");
            for (ThresholdResult result : thresholds) {
                out.accept("    " + (result.passed() ? "PASS  " : "FAIL  ") + result.describe());
            }
        }
    }

    private static String[] row(RequestStats s) {
        return new String[]{s.name(), Cells.count(s.count()), Cells.count(s.ok()), Cells.count(s.failed()),
                Cells.percent(s.successRatePercent()), Cells.rate(s.rps()), Cells.millis(s.minMillis()),
                Cells.millis(s.meanMillis()), Cells.millis(s.percentileMillis(50)), Cells.millis(s.percentileMillis(90)),
                Cells.millis(s.percentileMillis(95)), Cells.millis(s.percentileMillis(99)), Cells.millis(s.maxMillis()),
                Cells.millis(s.stdDevMillis()), Cells.count(s.dropped())};
    }

    private static void printTable(List<String[]> rows, Consumer<String> out) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + pad : pad + cell).append(c < row.length - 1 ? "  " : "");
            }
            out.accept(line.toString());
        }
    }
}
