package dev.perf.run;

import dev.perf.analysis.Baselines;
import dev.perf.history.HistoryBaselines;
import dev.perf.history.HistoryStore;
import dev.perf.history.RunContext;
import dev.perf.report.HistorySink;
import dev.perf.scenario.Scenario;

import java.sql.SQLException;
import java.util.Map;

/**
 * The history of an invocation's runs: where relative thresholds find their baselines, and the {@link HistorySink}
 * that records each run (a run that cannot be recorded fails the build: a run missing from the history would silently
 * change the baselines of later runs).
 */
final class HistoryWriter implements AutoCloseable {
    private final Console console;
    private final HistoryOptions options;
    private final HistoryStore store;
    private final RunContext context;
    private final HistorySink sink;

    private HistoryWriter(Console console, HistoryOptions options, HistoryStore store, RunContext context) {
        this.console = console;
        this.options = options;
        this.store = store;
        this.context = context;
        this.sink = new HistorySink(store, context, new HistorySink.Retention(options.keepRuns(), options.keepDays()),
                console::info, console::warn);
    }

    /** @return a writer, or {@code null} when there is no history (off, or it cannot be opened: warned) */
    static HistoryWriter open(HistoryOptions options, Map<String, String> environment, Console console) {
        if (options == null) {
            return null;
        }
        try {
            HistoryStore store = HistoryStore.open(options.location(), options.credentials());
            RunContext context = RunContext.detect(options.project(), options.projectDirectory(), environment);
            return new HistoryWriter(console, options, store, context);
        } catch (SQLException | RuntimeException | LinkageError e) {
            console.warn("the run history " + options.location() + " cannot be opened, so this run is not recorded"
                    + (options.required() ? "" : " (perf.historyRequired=false: the build goes on without it)") + ": "
                    + e.getMessage() + (e instanceof UnsatisfiedLinkError ? " (sqlite-jdbc unpacks a native library "
                    + "to the temp folder; if it is mounted noexec, set -Dorg.sqlite.tmpdir to a writable folder)" : ""));
            return null;
        }
    }

    /** Earlier comparable runs of this scenario on this branch and hardware, to judge relative thresholds. */
    Baselines baselines(Scenario scenario) {
        String branch = options.baselineBranch() != null ? options.baselineBranch() : context.gitBranch();
        return new HistoryBaselines(store, scenario.name(), branch, options.anyHardware() ? null : context.hardware(),
                options.baselineRuns(), options.baselineRun(), scenario.environment());
    }

    /** The sink that records each run: after its result files are written, tried again on failure. */
    HistorySink sink() {
        return sink;
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (SQLException e) {
            console.warn("closing the history failed: " + e.getMessage());
        }
    }
}
