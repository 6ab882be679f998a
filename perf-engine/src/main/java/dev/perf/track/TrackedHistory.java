package dev.perf.track;

import dev.perf.analysis.Baselines;
import dev.perf.scenario.Metric;
import dev.perf.history.HistoryBaselines;
import dev.perf.history.HistoryStore;
import dev.perf.history.RunContext;
import dev.perf.report.HistorySink;

import java.sql.SQLException;
import java.util.function.Consumer;

/**
 * One tracked test's view of the run history: its baseline (earlier comparable runs of the same test, branch and
 * hardware) for relative thresholds, and where its run is recorded. Opened at first use; a history that cannot be
 * opened or written is a warning, never a failed test. Several threads may ask at once.
 */
public final class TrackedHistory implements Baselines, AutoCloseable {
    private final TrackSettings settings;
    private final String test;
    private final Consumer<String> warn;
    private HistoryStore store;
    private RunContext context;
    private Baselines baselines;

    public TrackedHistory(TrackSettings settings, String test, Consumer<String> warn) {
        this.settings = settings;
        this.test = test;
        this.warn = warn;
    }

    private Baselines baselines() {
        if (baselines != null) {
            return baselines;
        }
        if (settings.history() == null) {
            baselines = Baselines.none("the run history is off (perf.history=off)");
            return baselines;
        }
        try {
            store = HistoryStore.open(settings.history());
            context = RunContext.detect(null, settings.projectDirectory(), System.getenv());
            String branch = settings.baselineBranch() != null ? settings.baselineBranch() : context.gitBranch();
            baselines = new HistoryBaselines(store, test, branch, context.hardware(), settings.baselineRuns());
        } catch (SQLException | RuntimeException | LinkageError e) {
            warn.accept("the run history " + settings.history() + " cannot be opened, so " + test + " is not recorded "
                    + "and has no baseline: " + e.getMessage());
            baselines = Baselines.none("the run history could not be opened");
        }
        return baselines;
    }

    @Override
    public synchronized Figure of(String request, Metric metric) {
        return baselines().of(request, metric);
    }

    @Override
    public synchronized String whyNone() {
        return baselines().whyNone();
    }

    /** Where the test's run is recorded, or {@code null} without a history (off, or it could not be opened: warned). */
    public synchronized HistorySink sink() {
        baselines();
        return store == null ? null : new HistorySink(store, context, HistorySink.Retention.ALL, line -> {
        }, warn);
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (SQLException e) {
                warn.accept("closing the history failed: " + e.getMessage());
            }
            store = null;
        }
    }
}
