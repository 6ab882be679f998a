package dev.perf.report;

import dev.perf.scenario.Bytes;
import dev.perf.scenario.Metric;
import dev.perf.scenario.ThresholdParser;
import dev.perf.history.HistoryQuery;
import dev.perf.history.TrendPoint;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** What {@code perf:history} prints: the performance report of the last days, then a trend per scenario. */
public final class HistoryReport {
    private static final Metric P95 = ThresholdParser.metric("p95");

    private HistoryReport() {
    }

    /**
     * @param scenarios only these scenarios, or empty for all
     * @param lastRuns  trends over at most this many runs, 0 for no limit
     */
    public static void print(HistoryQuery query, int days, List<String> scenarios, HistoryQuery.Grouping grouping,
                             int lastRuns, Instant now, Consumer<String> out) throws SQLException {
        List<HistoryQuery.ReportRow> report = query.report(days, now).stream()
                .filter(r -> scenarios.isEmpty() || scenarios.contains(r.scenario())).toList();
        out.accept("");
        out.accept("Performance over the last " + days + (days == 1 ? " day" : " days")
                + " (percentiles from the merged histograms of all runs; latency in ms)");
        if (report.isEmpty()) {
            out.accept("  no runs in that period" + (scenarios.isEmpty() ? "" : " for " + String.join(", ", scenarios)));
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"scenario", "request", "runs", "count", "success", "avg", "p95", "p99"});
        for (HistoryQuery.ReportRow r : report) {
            rows.add(new String[]{r.scenario(), r.request(), Integer.toString(r.runs()), Cells.count(r.count()),
                    Cells.percent(r.successRate()), Cells.millis(r.avgMs()), Cells.millis(r.p95Ms()),
                    Cells.millis(r.p99Ms())});
        }
        Tables.print(rows, 2, out);
        for (String scenario : report.stream().map(HistoryQuery.ReportRow::scenario).distinct().toList()) {
            List<TrendPoint> trend = query.trend(scenario, "ALL", lastRuns, days, grouping, now);
            out.accept("");
            out.accept("Trend of " + scenario + " by " + (grouping == HistoryQuery.Grouping.DAY ? "day" : "run")
                    + " (all requests)");
            List<String[]> trendRows = new ArrayList<>();
            trendRows.add(new String[]{grouping == HistoryQuery.Grouping.DAY ? "day" : "run", "runs", "count", "success",
                    "rps", "avg", "p50", "p95", "p99", "target cpu avg", "target memory max"});
            for (TrendPoint p : trend) {
                Map<String, Double> res = p.resources();
                trendRows.add(new String[]{p.label(), Integer.toString(p.runs()), Cells.count(p.count()),
                        Cells.percent(p.successRate()), Cells.rate(p.rps()), Cells.millis(p.avgMs()),
                        Cells.millis(p.p50Ms()), Cells.millis(p.p95Ms()), Cells.millis(p.p99Ms()),
                        res.containsKey("target.cpu.avg") ? String.format(Locale.ROOT, "%.1f%%",
                                res.get("target.cpu.avg")) : Cells.NOT_AVAILABLE,
                        res.containsKey("target.memory.max") ? Bytes.format(res.get("target.memory.max"))
                                : Cells.NOT_AVAILABLE});
            }
            Tables.print(trendRows, 1, out);
            List<HistoryQuery.ChangePoint> changes = query.changePoints(scenario, "ALL", P95, 0);
            out.accept(changes.isEmpty() ? "  change points in p95 (all runs): none"
                    : "  change points in p95 (all runs, E-Divisive means):");
            for (HistoryQuery.ChangePoint c : changes) {
                out.accept(String.format(Locale.ROOT, "    from run %s (%s): %s -> %s ms (%+.1f%%), p = %.3f", c.runId(),
                        c.startTime(), Cells.millis(c.before()), Cells.millis(c.after()), c.changePercent(), c.p()));
            }
        }
    }
}
