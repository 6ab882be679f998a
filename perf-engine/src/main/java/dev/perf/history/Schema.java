package dev.perf.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history's schema, as migrations: version N is reached by running step N-1 on version N-1. A database is
 * upgraded in place on open, in one transaction; it is never dropped. A database newer than this
 * tool is refused rather than guessed at. Each backend has its steps and keeps its version its own way
 * ({@link Versioning}); a version number means the same tables and columns on every backend.
 */
final class Schema {
    /**
     * SQLite's steps: each entry takes the schema from version i to i + 1. Append only: never edit a step that has
     * shipped.
     */
    static final List<List<String>> STEPS = List.of(
            List.of(
                """
                CREATE TABLE runs (
                  id                  INTEGER PRIMARY KEY,
                  run_id              TEXT    NOT NULL UNIQUE,
                  scenario            TEXT    NOT NULL,
                  scenario_file       TEXT,
                  scenario_sha256     TEXT,
                  project             TEXT,
                  start_time          TEXT    NOT NULL,
                  start_epoch_ms      INTEGER NOT NULL,
                  end_time            TEXT    NOT NULL,
                  verdict             TEXT    NOT NULL CHECK (verdict IN ('passed', 'failed', 'aborted', 'partial')),
                  load_model          TEXT,
                  load_description    TEXT,
                  elapsed_seconds     REAL,
                  git_commit          TEXT,
                  git_branch          TEXT,
                  ci_build_id         TEXT,
                  ci_build_url        TEXT,
                  host                TEXT,
                  hardware            TEXT,
                  hardware_json       TEXT,
                  tool_version        TEXT,
                  generator_saturated INTEGER NOT NULL DEFAULT 0
                )""",
                "CREATE INDEX runs_by_scenario ON runs (scenario, start_epoch_ms)",
                """
                CREATE TABLE figures (
                  run             INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  stage           INTEGER NOT NULL,
                  request         TEXT    NOT NULL,
                  count           INTEGER NOT NULL,
                  ok              INTEGER NOT NULL,
                  failed          INTEGER NOT NULL,
                  dropped         INTEGER NOT NULL,
                  elapsed_seconds REAL    NOT NULL,
                  avg_ms          REAL,
                  p50_ms          REAL,
                  p95_ms          REAL,
                  p99_ms          REAL,
                  max_ms          REAL,
                  latency_hdr     BLOB    NOT NULL,
                  PRIMARY KEY (run, stage, request)
                )""",
                """
                CREATE TABLE series (
                  run     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  request TEXT    NOT NULL,
                  points  TEXT    NOT NULL,
                  PRIMARY KEY (run, request)
                )""",
                """
                CREATE TABLE thresholds (
                  run        INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  position   INTEGER NOT NULL,
                  expression TEXT    NOT NULL,
                  passed     INTEGER NOT NULL,
                  actual     REAL,
                  note       TEXT,
                  PRIMARY KEY (run, position)
                )""",
                """
                CREATE TABLE resources (
                  run     INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  scope   TEXT    NOT NULL,
                  metric  TEXT    NOT NULL,
                  avg     REAL,
                  max     REAL,
                  samples INTEGER NOT NULL,
                  PRIMARY KEY (run, scope, metric)
                )"""
            ),
            // 1 -> 2: the run's own result files (summary.json, resources.json), gzipped, so that perf:report can
            // render any recorded run's page as perf:run did
            List.of(
                """
                CREATE TABLE documents (
                  run  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  name TEXT    NOT NULL,
                  gzip BLOB    NOT NULL,
                  PRIMARY KEY (run, name)
                )"""
            ),
            // 2 -> 3: what a tracked operation of a test cost the thread that ran it, per execution (null for load runs)
            List.of(
                "ALTER TABLE figures ADD COLUMN cpu_ms REAL",
                "ALTER TABLE figures ADD COLUMN allocated_bytes REAL"
            ),
            // 3 -> 4: the environment (-Dperf.env) a run was aimed at, so that baselines compare like with like
            List.of(
                "ALTER TABLE runs ADD COLUMN environment TEXT"
            ),
            // 4 -> 5: verdicts that mean what they say. A run can be inconclusive (its verdict column keeps 'passed', as
            // it did not fail the build); whether it measured what it set out to and may be a baseline (null for runs
            // recorded before: those count when they passed); the failed requests' latencies, so that a baseline's
            // latency covers the successful responses as a live run's thresholds do
            List.of(
                "ALTER TABLE runs ADD COLUMN inconclusive INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE runs ADD COLUMN comparable INTEGER",
                "ALTER TABLE figures ADD COLUMN failed_latency_hdr BLOB"
            ));

    /** Figures of a whole run (all stages) are stored under this stage number. */
    static final int WHOLE_RUN = -1;

    private Schema() {
    }

    static int latest() {
        return STEPS.size();
    }

    /** How a backend keeps its schema's version, and its steps. */
    interface Versioning {
        List<List<String>> steps();

        /** Keeps other processes from migrating at the same time, until the transaction ends. */
        void lock(Statement statement) throws SQLException;

        int read(Statement statement) throws SQLException;

        void write(Statement statement, int version) throws SQLException;
    }

    /**
     * SQLite: the version in {@code PRAGMA user_version}; the store's transactions are {@code BEGIN IMMEDIATE}, so the
     * first statement already holds the write lock.
     */
    static final Versioning SQLITE = new Versioning() {
        @Override
        public List<List<String>> steps() {
            return STEPS;
        }

        @Override
        public void lock(Statement statement) {
        }

        @Override
        public int read(Statement statement) throws SQLException {
            try (var result = statement.executeQuery("PRAGMA user_version")) {
                return result.next() ? result.getInt(1) : 0;
            }
        }

        @Override
        public void write(Statement statement, int version) throws SQLException {
            statement.execute("PRAGMA user_version = " + version);
        }
    };

    /**
     * Brings the database to the latest version. The version is read inside a write transaction, under the backend's
     * lock, so two processes opening a new history at once do not both create it: the second waits, then finds it
     * current.
     */
    static void migrate(Connection connection, String location, Versioning versioning) throws SQLException {
        int latest = versioning.steps().size();
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            versioning.lock(statement);
            int version = versioning.read(statement);
            if (version > latest) {
                throw new SQLException("the history " + location + " has schema version " + version + ", newer than "
                        + "this perf knows (" + latest + "); use a newer perf, or point perf.history elsewhere");
            }
            for (int v = version; v < latest; v++) {
                for (String sql : versioning.steps().get(v)) {
                    statement.execute(sql);
                }
                versioning.write(statement, v + 1);
            }
            connection.commit();
        } catch (SQLException e) {
            throw SqlHistoryStore.rolledBack(connection, e);
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    /** A SQLite history's version. */
    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return SQLITE.read(statement);
        }
    }
}
