package dev.perf.history;

import dev.perf.analysis.Baselines;
import dev.perf.analysis.Medians;
import dev.perf.scenario.Metric;
import dev.perf.metrics.RequestStats;
import org.HdrHistogram.Histogram;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.perf.metrics.Measures;

/**
 * A scenario's baseline from the history: the last {@code runs} comparable runs on the same branch and the same
 * hardware fingerprint (runs on other machines are not mixed in), each run's figure computed from its stored
 * histogram and counters, then their median and spread.
 */
public final class HistoryBaselines implements Baselines {
    private final HistoryStore store;
    private final String scenario;
    private final String branch;
    private final String hardware;
    private final int runs;
    private final String pinnedRun;
    private final String environment;
    private final Map<String, Figure> cache = new HashMap<>();
    private final Map<String, List<RequestStats>> stats = new HashMap<>();
    private List<Long> runIds;

    /**
     * @param branch   the current branch, or {@code null}: runs of any branch
     * @param hardware the current hardware fingerprint, or {@code null}: runs on any hardware
     */
    public HistoryBaselines(HistoryStore store, String scenario, String branch, String hardware, int runs) {
        this(store, scenario, branch, hardware, runs, null, null);
    }

    /** @param pinnedRun a run id: that run alone is the baseline (whatever its branch and hardware), or {@code null} */
    public HistoryBaselines(HistoryStore store, String scenario, String branch, String hardware, int runs,
                            String pinnedRun) {
        this(store, scenario, branch, hardware, runs, pinnedRun, null);
    }

    /**
     * @param environment the environment runs were aimed at ({@code -Dperf.env}), or {@code null}: only runs in the
     *                    same one (or in none) make the baseline
     */
    public HistoryBaselines(HistoryStore store, String scenario, String branch, String hardware, int runs,
                            String pinnedRun, String environment) {
        this.environment = environment;
        this.store = store;
        this.scenario = scenario;
        this.branch = branch;
        this.hardware = hardware;
        this.runs = runs;
        this.pinnedRun = pinnedRun;
    }

    @Override
    public Figure of(String request, Metric metric) {
        String name = request == null ? RequestStats.ALL : request;
        return cache.computeIfAbsent(name + "\u0000" + metric.name(), k -> compute(name, metric));
    }

    @Override
    public boolean pinned() {
        return pinnedRun != null;
    }

    @Override
    public String whyNone() {
        if (pinnedRun != null) {
            return "the pinned baseline run " + pinnedRun + " of " + scenario + " is not in the history";
        }
        return "no earlier comparable run of " + scenario + (branch == null ? "" : " on branch " + branch)
                + (environment == null ? "" : " in environment " + environment)
                + (hardware == null ? "" : " on this hardware (" + hardware + ")");
    }

    private Figure compute(String request, Metric metric) {
        try {
            List<Double> values = new ArrayList<>();
            for (RequestStats stats : statsOf(request)) {
                Double value = Measures.of(metric, stats);
                if (value != null && !value.isNaN()) {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                return null;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Figure(Medians.of(sorted), sorted[0], sorted[sorted.length - 1], sorted.length, sorted);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the baseline from the history failed: " + e.getMessage(), e);
        }
    }

    private List<Long> runIds() throws SQLException {
        if (runIds == null && pinnedRun != null) {
            runIds = new ArrayList<>();
            try (PreparedStatement s = store.connection().prepareStatement(
                    "SELECT id FROM runs WHERE scenario = ? AND run_id = ?")) {
                s.setString(1, scenario);
                s.setString(2, pinnedRun);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        runIds.add(r.getLong(1));
                    }
                }
            }
        }
        if (runIds == null) {
            runIds = new ArrayList<>();
            try (PreparedStatement s = store.connection().prepareStatement("""
                    SELECT id FROM runs WHERE scenario = ?
                      AND (comparable = 1 OR (comparable IS NULL AND verdict = 'passed'))
                      AND (? IS NULL OR git_branch = ?) AND (? IS NULL OR hardware = ?) AND environment IS ?
                    ORDER BY start_epoch_ms DESC, id DESC LIMIT ?""")) {
                s.setString(1, scenario);
                s.setString(2, branch);
                s.setString(3, branch);
                s.setString(4, hardware);
                s.setString(5, hardware);
                s.setString(6, environment);
                s.setInt(7, runs);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        runIds.add(r.getLong(1));
                    }
                }
            }
        }
        return runIds;
    }

    /**
     * The stored figures of {@code request} in each baseline run, read and decoded once whatever the number of
     * metrics asked of them; {@link Metric#valueOf} then computes a figure as it does for a live run.
     */
    private List<RequestStats> statsOf(String request) throws SQLException {
        List<RequestStats> cached = stats.get(request);
        if (cached != null) {
            return cached;
        }
        List<RequestStats> found = new ArrayList<>();
        try (PreparedStatement s = store.connection().prepareStatement("""
                SELECT ok, failed, dropped, elapsed_seconds, latency_hdr, failed_latency_hdr FROM figures
                WHERE run = ? AND stage = ? AND request = ?""")) {
            for (long run : runIds()) {
                s.setLong(1, run);
                s.setInt(2, Schema.WHOLE_RUN);
                s.setString(3, request);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        Histogram latency = HistoryStore.decode(r.getBytes(5));
                        byte[] failed = r.getBytes(6);
                        // runs recorded before failed latencies were kept: their latency covers every response
                        Histogram failedLatency = failed == null ? r.getLong(2) == 0 ? new Histogram(3) : null
                                : HistoryStore.decode(failed);
                        found.add(new RequestStats(request, r.getLong(1), r.getLong(2), r.getLong(3), r.getDouble(4),
                                latency, latency, Map.of(), Map.of(), 0, 0, Map.of(), failedLatency));
                    }
                }
            }
        }
        stats.put(request, found);
        return found;
    }

}
