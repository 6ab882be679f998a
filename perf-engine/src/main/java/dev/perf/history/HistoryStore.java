package dev.perf.history;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The run history: where runs are recorded and read back. The one seam for a history backend: everything above it
 * ({@link HistoryQuery}, {@link HistoryBaselines}, the dashboard, the goals) is free of SQL, and a backend implements
 * these methods alone. {@link SqliteHistoryStore} is the embedded default, {@link PostgresHistoryStore} a team's shared
 * history; both run the same SQL ({@link SqlHistoryStore}).
 */
public interface HistoryStore extends AutoCloseable {

    /**
     * Opens (creating it if needed) and migrates the history, a server's as the environment's credentials allow.
     *
     * @param location a file path, a {@code jdbc:sqlite:} or a {@code jdbc:postgresql:} URL ({@link HistoryLocation})
     */
    static HistoryStore open(String location) throws SQLException {
        return open(location, HistoryCredentials.fromEnvironment(System.getenv()));
    }

    /**
     * Opens (creating it if needed) and migrates the history.
     *
     * @param credentials who a server history is opened as (a SQLite file needs none)
     */
    static HistoryStore open(String location, HistoryCredentials credentials) throws SQLException {
        return HistoryLocation.isPostgres(location) ? PostgresHistoryStore.open(location, credentials)
                : SqliteHistoryStore.open(location);
    }

    /** Where the history is, as given. */
    String location();

    /** Records one run, all or nothing. */
    void record(RunRecord run) throws SQLException;

    /** A recorded run's result file ({@code summary.json}...), or {@code null} when the history has none for it. */
    byte[] document(String runId, String name) throws SQLException;

    /**
     * Deletes the oldest runs of each scenario beyond {@code keepRuns}, and runs older than {@code keepDays}.
     *
     * @param keepRuns 0: no limit
     * @param keepDays 0: no limit
     * @return how many runs were deleted
     */
    int prune(int keepRuns, int keepDays, Instant now) throws SQLException;

    /** The scenarios with runs in the history, by name. */
    List<String> scenarios() throws SQLException;

    /** The scenarios whose runs are operations tracked in tests (perf-junit), not load runs. */
    Set<String> trackedScenarios() throws SQLException;

    /**
     * A scenario's runs, oldest first.
     *
     * @param lastRuns at most this many most recent runs, or 0 for no limit
     * @param lastDays only runs of the last this many days, or 0 for no limit
     */
    List<RunInfo> runs(String scenario, int lastRuns, int lastDays, Instant now) throws SQLException;

    /**
     * A request's (or {@code ALL}'s) whole-run figures in a scenario's runs, oldest first, with each run's resource
     * figures.
     *
     * @param lastRuns at most this many most recent runs, or 0 for no limit
     * @param lastDays only runs of the last this many days, or 0 for no limit
     */
    List<StoredFigures> figures(String scenario, String request, int lastRuns, int lastDays, Instant now)
            throws SQLException;

    /**
     * Every scenario's and request's whole-run figures, by scenario and request.
     *
     * @param lastDays only runs of the last this many days, or 0 for no limit
     */
    List<StoredFigures> figuresSince(int lastDays, Instant now) throws SQLException;

    /**
     * The runs that may be a scenario's baseline: comparable ones ({@link RunRecord#comparable()}), newest first.
     *
     * @param branch      {@code null}: any branch
     * @param hardware    {@code null}: any hardware
     * @param environment the environment, or {@code null} for runs in none
     */
    List<String> baselineRuns(String scenario, String branch, String hardware, String environment, int runs)
            throws SQLException;

    /** Whether {@code runId} is a recorded run of {@code scenario}. */
    boolean hasRun(String scenario, String runId) throws SQLException;

    /** A request's whole-run figures in one run, or {@code null} when it has none. */
    StoredFigures figuresOf(String runId, String request) throws SQLException;

    /**
     * Copies the runs of {@code source} that this history does not have (by run id), each with everything kept with
     * it (figures and histograms, series, thresholds, resources, result files), each in its own transaction. Running
     * it again copies nothing: this is how a team moves its SQLite history to a shared server without losing its past.
     *
     * @return how many runs were copied
     */
    int copyFrom(HistoryStore source) throws SQLException;

    @Override
    void close() throws SQLException;
}
