package dev.perf.run;

import dev.perf.analysis.Baselines;
import dev.perf.history.Digests;
import dev.perf.history.HistoryBaselines;
import dev.perf.history.HistoryStore;
import dev.perf.history.RunContext;
import dev.perf.history.RunRecord;
import dev.perf.scenario.Scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records each run of an invocation in the history. A history that cannot be opened or written is a warning, not a
 * failed build: the run's own results are already on disk.
 */
final class HistoryWriter implements AutoCloseable {
    /** The result files kept with each run. */
    private static final List<String> DOCUMENTS = List.of("summary.json", "resources.json");
    private final Console console;
    private final HistoryOptions options;
    private final HistoryStore store;
    private final RunContext context;

    private HistoryWriter(Console console, HistoryOptions options, HistoryStore store, RunContext context) {
        this.console = console;
        this.options = options;
        this.store = store;
        this.context = context;
    }

    /** @return a writer, or {@code null} when there is no history (off, or it cannot be opened: warned) */
    static HistoryWriter open(HistoryOptions options, Map<String, String> environment, Console console) {
        if (options == null) {
            return null;
        }
        try {
            HistoryStore store = HistoryStore.open(options.location());
            RunContext context = RunContext.detect(options.project(), options.projectDirectory(), environment);
            return new HistoryWriter(console, options, store, context);
        } catch (SQLException | RuntimeException | LinkageError e) {
            console.warn("the run history " + options.location() + " cannot be opened, so this run is not recorded: "
                    + e.getMessage() + (e instanceof UnsatisfiedLinkError ? " (sqlite-jdbc unpacks a native library "
                    + "to the temp folder; if it is mounted noexec, set -Dorg.sqlite.tmpdir to a writable folder)" : ""));
            return null;
        }
    }

    /** Earlier passing runs of this scenario on this branch and hardware, to judge relative thresholds. */
    Baselines baselines(Scenario scenario) {
        String branch = options.baselineBranch() != null ? options.baselineBranch() : context.gitBranch();
        return new HistoryBaselines(store, scenario.name(), branch, options.anyHardware() ? null : context.hardware(),
                options.baselineRuns(), options.baselineRun(), scenario.environment());
    }

    void record(ScenarioOutcome outcome) {
        var run = outcome.run();
        var scenario = outcome.scenario();
        String verdict = run.partial() ? "partial" : outcome.passed() ? "passed" : "failed";
        RunRecord record = new RunRecord(outcome.runId(), scenario.name(), scenario.file().toString(),
                sha256(scenario.file()), run.startTime(), run.endTime(), verdict,
                scenario.load().isOpenModel() ? "open" : "closed", scenario.load().describe(), run.metrics(),
                outcome.thresholds(), outcome.figures().resources(), outcome.generator().saturated(), context,
                documents(outcome.runDirectory()), Map.of(), scenario.environment());
        try {
            store.record(record);
            int pruned = store.prune(options.keepRuns(), options.keepDays(), Instant.now());
            console.info("  history: recorded in " + store.location() + (pruned > 0 ? " (" + pruned
                    + " old runs pruned)" : ""));
        } catch (SQLException e) {
            console.warn("this run could not be recorded in the history " + store.location() + ": " + e.getMessage());
        }
    }

    /** The run's result files, for its dashboard page; one that cannot be read is left out. */
    private Map<String, byte[]> documents(Path runDirectory) {
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (String name : DOCUMENTS) {
            Path file = runDirectory.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    documents.put(name, Files.readAllBytes(file));
                } catch (IOException e) {
                    console.warn("the history keeps no copy of " + file + ": " + e.getMessage());
                }
            }
        }
        return documents;
    }

    private static String sha256(Path file) {
        try {
            return Digests.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
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
