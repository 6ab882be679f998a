package dev.perf.history;

import dev.perf.analysis.ChangePoints;
import dev.perf.scenario.Metric;
import dev.perf.metrics.RequestRecorder;
import dev.perf.metrics.RequestStats;
import org.HdrHistogram.Histogram;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.perf.metrics.Measures;

/**
 * Trends and reports read back from the history. Percentiles over a day or a period are computed from the merged
 * HdrHistograms of the runs in it: SQLite has no percentile function, and an average of percentiles is not a
 * percentile.
 */
public final class HistoryQuery {
    /** The resource figures a trend carries. */
    static final List<String[]> RESOURCE_FIGURES = List.of(new String[]{"machine", "cpu"},
            new String[]{"generator", "cpu"}, new String[]{"target", "cpu"}, new String[]{"target", "memory"});
    /** In a tracked test's trend points: CPU time and heap allocated per execution, from {@code figures}. */
    public static final String OPERATION_CPU_MS = "operation.cpu_ms";
    public static final String OPERATION_ALLOCATED_BYTES = "operation.allocated_bytes";
    private final HistoryStore store;

    public enum Grouping { RUN, DAY }

    /** One row of {@link #report}: a request's figures over a period, all its runs merged. */
    public record ReportRow(String scenario, String request, int runs, long count, Double successRate, Double avgMs,
                            Double p95Ms, Double p99Ms) {
    }

    public HistoryQuery(HistoryStore store) {
        this.store = store;
    }

    /** The scenarios with runs in the history, by name. */
    public List<String> scenarios() throws SQLException {
        return store.scenarios();
    }

    /** The scenarios whose runs are operations tracked in tests (perf-junit), not load runs. */
    public java.util.Set<String> trackedScenarios() throws SQLException {
        return store.trackedScenarios();
    }

    /**
     * A scenario's runs, oldest first.
     *
     * @param lastRuns at most this many most recent runs, or 0 for no limit
     * @param lastDays only runs of the last this many days, or 0 for no limit
     */
    public List<RunInfo> runs(String scenario, int lastRuns, int lastDays, Instant now) throws SQLException {
        return store.runs(scenario, lastRuns, lastDays, now);
    }

    /** A recorded run's result file ({@code summary.json}...), or {@code null} when the history has none for it. */
    public byte[] document(String runId, String name) throws SQLException {
        return store.document(runId, name);
    }

    /**
     * @param request  a request name, or {@code ALL}
     * @param lastRuns at most this many most recent runs, or 0 for no limit
     * @param lastDays only runs of the last this many days, or 0 for no limit
     * @return oldest first
     */
    public List<TrendPoint> trend(String scenario, String request, int lastRuns, int lastDays, Grouping grouping,
                                  Instant now) throws SQLException {
        List<StoredFigures> rows = store.figures(scenario, request, lastRuns, lastDays, now);
        Map<String, List<StoredFigures>> groups = new LinkedHashMap<>();
        for (StoredFigures row : rows) {
            String key = grouping == Grouping.RUN ? row.runId() : Instant.ofEpochMilli(row.startEpochMillis())
                    .atZone(ZoneOffset.UTC).toLocalDate().toString();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        List<TrendPoint> points = new ArrayList<>();
        for (Map.Entry<String, List<StoredFigures>> group : groups.entrySet()) {
            points.add(point(group.getKey(), group.getValue()));
        }
        return points;
    }

    /**
     * A change point in a scenario's or request's history.
     *
     * @param runId the first run after the change
     */
    public record ChangePoint(String runId, String startTime, double before, double after, double changePercent, double p) {
    }

    /**
     * Lasting shifts of a figure across a scenario's runs (oldest first), by {@link ChangePoints}: E-Divisive means.
     *
     * @param metric a response figure such as {@code p95}
     * @param lastRuns at most this many most recent runs, 0 for all
     */
    public List<ChangePoint> changePoints(String scenario, String request, Metric metric, int lastRuns)
            throws SQLException {
        List<StoredFigures> rows = store.figures(scenario, request, lastRuns, 0, Instant.now());
        double[] series = new double[rows.size()];
        int n = 0;
        List<StoredFigures> kept = new ArrayList<>();
        for (StoredFigures row : rows) {
            RequestStats stats = new RequestStats(request, row.ok(), row.count() - row.ok(), 0, row.elapsedSeconds(),
                    row.latency(), row.latency(), Map.of(), Map.of(), 0, 0);
            Double value = Measures.of(metric, stats);
            if (value != null && !value.isNaN()) {
                series[n++] = value;
                kept.add(row);
            }
        }
        List<ChangePoint> points = new ArrayList<>();
        for (ChangePoints.Change change : ChangePoints.find(Arrays.copyOf(series, n), scenario.hashCode())) {
            StoredFigures first = kept.get(change.index());
            points.add(new ChangePoint(first.runId(), Instant.ofEpochMilli(first.startEpochMillis()).toString(),
                    change.before(),
                    change.after(), change.changePercent(), change.p()));
        }
        return points;
    }

    /** Every scenario and request over the last {@code days}: runs, totals, success rate, avg, p95, p99. */
    public List<ReportRow> report(int days, Instant now) throws SQLException {
        Map<String, Merged> merged = new TreeMap<>();
        for (StoredFigures row : store.figuresSince(days, now)) {
            Merged m = merged.computeIfAbsent(row.scenario() + "\u0000" + row.request(), k -> new Merged());
            m.runs++;
            m.count += row.count();
            m.ok += row.ok();
            m.latency.add(row.latency());
        }
        List<ReportRow> report = new ArrayList<>();
        for (Map.Entry<String, Merged> entry : merged.entrySet()) {
            String[] key = entry.getKey().split("\u0000", 2);
            Merged m = entry.getValue();
            boolean data = m.latency.getTotalCount() > 0;
            report.add(new ReportRow(key[0], key[1], m.runs, m.count, m.count == 0 ? null : m.ok * 100.0 / m.count,
                    data ? m.latency.getMean() / 1000 : null, data ? m.latency.getValueAtPercentile(95) / 1000.0 : null,
                    data ? m.latency.getValueAtPercentile(99) / 1000.0 : null));
        }
        return report;
    }

    private static TrendPoint point(String label, List<StoredFigures> rows) {
        Histogram latency = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        long count = 0;
        long ok = 0;
        double seconds = 0;
        for (StoredFigures row : rows) {
            latency.add(row.latency());
            count += row.count();
            ok += row.ok();
            seconds += row.elapsedSeconds();
        }
        boolean data = latency.getTotalCount() > 0;
        Map<String, Double> resources = new LinkedHashMap<>();
        for (String[] figure : RESOURCE_FIGURES) {
            String key = figure[0] + "." + figure[1];
            double weighted = 0;
            double samples = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (StoredFigures row : rows) {
                double[] v = row.resources().get(key);
                if (v != null) {
                    weighted += v[0] * v[2];
                    samples += v[2];
                    max = Math.max(max, v[1]);
                }
            }
            if (samples > 0) {
                resources.put(key + ".avg", weighted / samples);
                resources.put(key + ".max", max);
            }
        }
        perExecution(rows, resources, OPERATION_CPU_MS, StoredFigures::cpuMs);
        perExecution(rows, resources, OPERATION_ALLOCATED_BYTES, StoredFigures::allocatedBytes);
        return new TrendPoint(label, rows.size(), count, ok, count == 0 ? null : ok * 100.0 / count,
                data ? latency.getMean() / 1000 : null, data ? latency.getValueAtPercentile(50) / 1000.0 : null,
                data ? latency.getValueAtPercentile(95) / 1000.0 : null,
                data ? latency.getValueAtPercentile(99) / 1000.0 : null,
                seconds > 0 && count > 0 ? count / seconds : null, resources);
    }

    /** A tracked operation's mean cost per execution over the rows that measured it, weighted by executions. */
    private static void perExecution(List<StoredFigures> rows, Map<String, Double> into, String key,
                                     java.util.function.Function<StoredFigures, Double> value) {
        double total = 0;
        long executions = 0;
        for (StoredFigures row : rows) {
            Double v = value.apply(row);
            if (v != null) {
                total += v * row.count();
                executions += row.count();
            }
        }
        if (executions > 0) {
            into.put(key, total / executions);
        }
    }

    private static final class Merged {
        final Histogram latency = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        int runs;
        long count;
        long ok;
    }
}
