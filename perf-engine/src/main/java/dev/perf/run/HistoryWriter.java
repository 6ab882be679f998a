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
 * Records each run of an invocation in the history. A write that fails is tried again ({@value #ATTEMPTS} times in all,
 * each in its own transaction, so a failed attempt leaves nothing behind); a run that still cannot be recorded is
 * reported to the caller, which fails the build: a run missing from the history would silently change the baselines
 * of later runs. The run's own results are on disk before the history is touched.
 */
final class HistoryWriter implements AutoCloseable {
    /** The result files kept with each run. */
    private static final List<String> DOCUMENTS = List.of("summary.json", "resources.json");
    static final int ATTEMPTS = 3;
    private static final long RETRY_PAUSE_MILLIS = 500;
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

    /** Earlier comparable runs of this scenario on this branch and hardware, to judge relative thresholds. */
    Baselines baselines(Scenario scenario) {
        String branch = options.baselineBranch() != null ? options.baselineBranch() : context.gitBranch();
        return new HistoryBaselines(store, scenario.name(), branch, options.anyHardware() ? null : context.hardware(),
                options.baselineRuns(), options.baselineRun(), scenario.environment());
    }

    /** @return why the run could not be recorded after {@value #ATTEMPTS} attempts, or {@code null} when it was */
    String record(ScenarioOutcome outcome) {
        var run = outcome.run();
        var scenario = outcome.scenario();
        String verdict = run.partial() ? "partial" : outcome.verdict().key();
        RunRecord record = new RunRecord(outcome.runId(), scenario.name(), scenario.file().toString(),
                sha256(scenario.file()), run.startTime(), run.endTime(), verdict,
                scenario.load().isOpenModel() ? "open" : "closed", scenario.load().describe(), run.metrics(),
                outcome.thresholds(), outcome.figures().resources(), outcome.generator().saturated(), context,
                documents(outcome.runDirectory()), Map.of(), scenario.environment());
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                store.record(record);
                last = null;
                break;
            } catch (SQLException e) {
                last = e;
                console.warn("recording run " + outcome.runId() + " in the history " + store.location() + " failed (attempt "
                        + attempt + " of " + ATTEMPTS + "): " + e.getMessage());
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                }
            }
        }
        if (last != null) {
            return "run " + outcome.runId() + " of " + scenario.name() + " could not be recorded in the history "
                    + store.location() + " after " + ATTEMPTS + " attempts: " + last.getMessage();
        }
        try {
            int pruned = store.prune(options.keepRuns(), options.keepDays(), Instant.now());
            console.info("  history: recorded in " + store.location() + (pruned > 0 ? " (" + pruned
                    + " old runs pruned)" : ""));
        } catch (SQLException e) {
            console.warn("  history: recorded in " + store.location() + ", but pruning old runs failed: " + e.getMessage());
        }
        return null;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
