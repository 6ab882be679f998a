package dev.perf.report;

import dev.perf.history.HistoryStore;
import dev.perf.history.RunContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records each run in the history, with a copy of its result files (so the dashboard can show earlier runs). A write
 * that fails is tried again ({@value #ATTEMPTS} times in all, each in its own transaction, so a failed attempt leaves
 * nothing behind); a run that still cannot be recorded is reported to the caller. Give it after {@link ResultFiles}:
 * the run's own results are on disk before the history is touched.
 */
public final class HistorySink implements RunSink<JudgedRun> {
    /** The result files kept with each run. */
    private static final List<String> DOCUMENTS = List.of(ResultFiles.SUMMARY, ResultFiles.RESOURCES);
    public static final int ATTEMPTS = 3;
    /** How to go on without a history, for messages. */
    public static final String WITHOUT_HISTORY = "-Dperf.history=off runs without a history";
    private static final long RETRY_PAUSE_MILLIS = 500;
    private final HistoryStore store;
    private final RunContext context;
    private final Retention retention;
    private final Consumer<String> info;
    private final Consumer<String> warn;

    /**
     * How many runs the history keeps after each write.
     *
     * @param keepRuns runs per scenario, 0 for all
     * @param keepDays days, 0 for all
     */
    public record Retention(int keepRuns, int keepDays) {
        public static final Retention ALL = new Retention(0, 0);
    }

    public HistorySink(HistoryStore store, RunContext context, Retention retention, Consumer<String> info,
                       Consumer<String> warn) {
        this.store = store;
        this.context = context;
        this.retention = retention;
        this.info = info;
        this.warn = warn;
    }

    @Override
    public String runEnded(JudgedRun run) {
        String runId = run.result().runId();
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                store.record(run.record(context, documents(run.directory())));
                last = null;
                break;
            } catch (SQLException e) {
                last = e;
                warn.accept("recording run " + runId + " in the history " + store.location() + " failed (attempt "
                        + attempt + " of " + ATTEMPTS + "): " + e.getMessage());
                if (attempt < ATTEMPTS) {
                    pause(attempt);
                }
            }
        }
        if (last != null) {
            return "run " + runId + " of " + run.result().scenario() + " could not be recorded in the history "
                    + store.location() + " after " + ATTEMPTS + " attempts: " + last.getMessage() + " ("
                    + WITHOUT_HISTORY + ")";
        }
        if (retention.equals(Retention.ALL)) {
            info.accept("  history: recorded in " + store.location());
            return null;
        }
        try {
            int pruned = store.prune(retention.keepRuns(), retention.keepDays(), Instant.now());
            info.accept("  history: recorded in " + store.location() + (pruned > 0 ? " (" + pruned
                    + " old runs pruned)" : ""));
        } catch (SQLException e) {
            warn.accept("  history: recorded in " + store.location() + ", but pruning old runs failed: "
                    + e.getMessage());
        }
        return null;
    }

    /** Where the runs go, for messages. */
    public String location() {
        return store.location();
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
                    warn.accept("the history keeps no copy of " + file + ": " + e.getMessage());
                }
            }
        }
        return documents;
    }
}
