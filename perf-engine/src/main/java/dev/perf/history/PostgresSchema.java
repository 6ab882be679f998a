package dev.perf.history;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history's schema on PostgreSQL, version for version the tables and columns of SQLite's ({@link Schema#STEPS}):
 * the first step creates version 5 at once (the PostgreSQL backend began there), later steps follow SQLite's. The
 * version lives in the table {@code perf_schema}; migrations hold a transaction-scoped advisory lock, so several runners
 * connecting to a new database at once create it once.
 */
final class PostgresSchema {
    /** The advisory lock's key: any number the database's other users do not take ("perf" in ASCII). */
    static final long MIGRATION_LOCK = 0x70657266L;

    /** Append only, as SQLite's: entry i takes the schema from version i to i + 1. */
    static final List<List<String>> STEPS = List.of(
            List.of(
                """
                CREATE TABLE runs (
                  id                  BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  run_id              TEXT    NOT NULL UNIQUE,
                  scenario            TEXT    NOT NULL,
                  scenario_file       TEXT,
                  scenario_sha256     TEXT,
                  project             TEXT,
                  start_time          TEXT    NOT NULL,
                  start_epoch_ms      BIGINT  NOT NULL,
                  end_time            TEXT    NOT NULL,
                  verdict             TEXT    NOT NULL CHECK (verdict IN ('passed', 'failed', 'aborted', 'partial')),
                  load_model          TEXT,
                  load_description    TEXT,
                  elapsed_seconds     DOUBLE PRECISION,
                  git_commit          TEXT,
                  git_branch          TEXT,
                  ci_build_id         TEXT,
                  ci_build_url        TEXT,
                  host                TEXT,
                  hardware            TEXT,
                  hardware_json       TEXT,
                  tool_version        TEXT,
                  generator_saturated INTEGER NOT NULL DEFAULT 0,
                  environment         TEXT,
                  inconclusive        INTEGER NOT NULL DEFAULT 0,
                  comparable          INTEGER
                )""",
                "CREATE INDEX runs_by_scenario ON runs (scenario, start_epoch_ms)",
                """
                CREATE TABLE figures (
                  run                BIGINT  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  stage              INTEGER NOT NULL,
                  request            TEXT    NOT NULL,
                  count              BIGINT  NOT NULL,
                  ok                 BIGINT  NOT NULL,
                  failed             BIGINT  NOT NULL,
                  dropped            BIGINT  NOT NULL,
                  elapsed_seconds    DOUBLE PRECISION NOT NULL,
                  avg_ms             DOUBLE PRECISION,
                  p50_ms             DOUBLE PRECISION,
                  p95_ms             DOUBLE PRECISION,
                  p99_ms             DOUBLE PRECISION,
                  max_ms             DOUBLE PRECISION,
                  latency_hdr        BYTEA   NOT NULL,
                  cpu_ms             DOUBLE PRECISION,
                  allocated_bytes    DOUBLE PRECISION,
                  failed_latency_hdr BYTEA,
                  PRIMARY KEY (run, stage, request)
                )""",
                """
                CREATE TABLE series (
                  run     BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  request TEXT   NOT NULL,
                  points  TEXT   NOT NULL,
                  PRIMARY KEY (run, request)
                )""",
                """
                CREATE TABLE thresholds (
                  run        BIGINT  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  position   INTEGER NOT NULL,
                  expression TEXT    NOT NULL,
                  passed     INTEGER NOT NULL,
                  actual     DOUBLE PRECISION,
                  note       TEXT,
                  PRIMARY KEY (run, position)
                )""",
                """
                CREATE TABLE resources (
                  run     BIGINT  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  scope   TEXT    NOT NULL,
                  metric  TEXT    NOT NULL,
                  avg     DOUBLE PRECISION,
                  max     DOUBLE PRECISION,
                  samples INTEGER NOT NULL,
                  PRIMARY KEY (run, scope, metric)
                )""",
                """
                CREATE TABLE documents (
                  run  BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  name TEXT   NOT NULL,
                  gzip BYTEA  NOT NULL,
                  PRIMARY KEY (run, name)
                )"""
            ),
            List.of(),
            List.of(),
            List.of(),
            List.of());

    static final Schema.Versioning VERSIONING = new Schema.Versioning() {
        @Override
        public List<List<String>> steps() {
            return STEPS;
        }

        @Override
        public void lock(Statement statement) throws SQLException {
            statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        }

        @Override
        public int read(Statement statement) throws SQLException {
            statement.execute("CREATE TABLE IF NOT EXISTS perf_schema (version INTEGER NOT NULL)");
            try (var result = statement.executeQuery("SELECT max(version) FROM perf_schema")) {
                return result.next() ? result.getInt(1) : 0;
            }
        }

        @Override
        public void write(Statement statement, int version) throws SQLException {
            statement.execute("DELETE FROM perf_schema");
            statement.execute("INSERT INTO perf_schema (version) VALUES (" + version + ")");
        }
    };

    private PostgresSchema() {
    }
}
