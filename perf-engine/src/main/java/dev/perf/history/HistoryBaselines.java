package dev.perf.history;

import dev.perf.analysis.Baselines;
import dev.perf.analysis.Medians;
import dev.perf.scenario.Metric;
import dev.perf.metrics.RequestStats;

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
    private List<String> runIds;

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

    private List<String> runIds() throws SQLException {
        if (runIds == null) {
            runIds = pinnedRun != null ? (store.hasRun(scenario, pinnedRun) ? List.of(pinnedRun) : List.of())
                    : store.baselineRuns(scenario, branch, hardware, environment, runs);
        }
        return runIds;
    }

    /**
     * The stored figures of {@code request} in each baseline run, read and decoded once whatever the number of
     * metrics asked of them; {@code Measures} then computes a figure as it does for a live run.
     */
    private List<RequestStats> statsOf(String request) throws SQLException {
        List<RequestStats> cached = stats.get(request);
        if (cached != null) {
            return cached;
        }
        List<RequestStats> found = new ArrayList<>();
        for (String run : runIds()) {
            StoredFigures figures = store.figuresOf(run, request);
            if (figures != null) {
                found.add(figures.stats());
            }
        }
        stats.put(request, found);
        return found;
    }
}
