package dev.perf.history;

import dev.perf.scenario.ThresholdParser;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** The SQLite history: the contract, and what is SQLite's own (migrations, the stored encodings, compression). */
class SqliteHistoryStoreTest extends HistoryStoreContract {
    private static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");
    @TempDir
    Path dir;

    @Override
    protected HistoryStore open() throws Exception {
        return HistoryStore.open(db());
    }

    private String db() {
        return dir.resolve(".perf/history.db").toString();
    }

    private long scalar(String sql) throws SQLException {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheLatestSchemaAndReopeningChangesNothing() throws Exception {
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            assertThat(Schema.version(store.connection())).isEqualTo(Schema.latest());
            store.record(Runs.run("r1", "s", DAY1, 1000, 2000));
        }
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            assertThat(Schema.version(store.connection())).isEqualTo(Schema.latest());
        }
        assertThat(scalar("SELECT count(*) FROM runs")).isEqualTo(1);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void aDatabaseFromANewerPerfIsRefusedNotTouched() throws Exception {
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            store.record(Runs.run("r1", "s", DAY1, 1000));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.latest() + 1));
        }
        assertThatThrownBy(() -> SqliteHistoryStore.open(db())).isInstanceOf(SQLException.class)
                .hasMessageContaining("newer than this perf knows");
        assertThat(scalar("SELECT count(*) FROM runs")).isEqualTo(1);
    }

    @Test
    void aRunIsStoredWithItsHistogramWhichDecodesToTheSameValues() throws Exception {
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            store.record(Runs.run("r1", "s", DAY1, 1000, 2000, 3000, 150_000));
            try (var s = store.connection().prepareStatement(
                    "SELECT latency_hdr, count, p99_ms FROM figures WHERE request = 'get' AND stage = -1");
                 ResultSet r = s.executeQuery()) {
                r.next();
                Histogram h = SqliteHistoryStore.decode(r.getBytes(1));
                assertThat(h.getTotalCount()).isEqualTo(4);
                assertThat(h.getMaxValue()).isEqualTo(h.highestEquivalentValue(150_000));
                assertThat(r.getLong(2)).isEqualTo(4);
            }
        }
    }

    @Test
    void aVersionOneHistoryIsUpgradedInPlaceAndKeepsItsRuns() throws Exception {
        java.nio.file.Files.createDirectories(Path.of(db()).getParent());
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            for (String sql : Schema.STEPS.get(0)) {
                s.execute(sql);
            }
            s.execute("PRAGMA user_version = 1");
            s.execute("INSERT INTO runs (run_id, scenario, start_time, start_epoch_ms, end_time, verdict) "
                    + "VALUES ('old', 's', '2026-11-01T00:00:00Z', 0, '2026-11-01T00:00:10Z', 'passed')");
        }
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            assertThat(Schema.version(store.connection())).isEqualTo(Schema.latest());
            assertThat(store.document("old", "summary.json")).as("runs from before have no copy").isNull();
            store.record(Runs.run("new", "s", DAY1, 1000));
        }
        assertThat(scalar("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void aRunsResultFilesAreKeptWithItAndGoWithIt() throws Exception {
        byte[] summary = "{\"scenario\":\"s\",\"runId\":\"r1\"}".repeat(200).getBytes(StandardCharsets.UTF_8);
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            RunRecord r = Runs.run("r1", "s", DAY1, 1000);
            store.record(new RunRecord(r.runId(), r.scenario(), r.scenarioFile(), r.scenarioSha256(), r.start(), r.end(),
                    r.verdict(), r.loadModel(), r.loadDescription(), r.metrics(), r.thresholds(), r.resources(), false,
                    r.context(), Map.of("summary.json", summary)));
            store.record(Runs.run("r2", "s", DAY1.plus(Duration.ofMinutes(1)), 1000));
            assertThat(store.document("r1", "summary.json")).isEqualTo(summary);
            assertThat(store.document("r1", "resources.json")).isNull();
            assertThat(new HistoryQuery(store).runs("s", 0, 0, DAY1)).extracting(RunInfo::runId)
                    .containsExactly("r1", "r2");
            assertThat(new HistoryQuery(store).runs("s", 1, 0, DAY1)).extracting(RunInfo::runId).containsExactly("r2");
            try (var s = store.connection().prepareStatement("SELECT length(gzip) FROM documents");
                 ResultSet stored = s.executeQuery()) {
                stored.next();
                assertThat(stored.getLong(1)).as("stored compressed").isLessThan(summary.length / 10);
            }
            store.prune(1, 0, DAY1);
            assertThat(scalar("SELECT count(*) FROM documents")).as("documents go with their runs").isZero();
        }
    }

    @Test
    void retentionKeepsTheNewestRunsPerScenarioAndDropsOldOnes() throws Exception {
        try (SqliteHistoryStore store = SqliteHistoryStore.open(db())) {
            for (int i = 0; i < 5; i++) {
                store.record(Runs.run("s" + i, "s", DAY1.plus(Duration.ofMinutes(i)), 1000));
                store.record(Runs.run("t" + i, "t", DAY1.plus(Duration.ofMinutes(i)), 1000));
            }
            assertThat(store.prune(3, 0, DAY1)).isEqualTo(4);
            assertThat(scalar("SELECT count(*) FROM runs")).isEqualTo(6);
            assertThat(scalar("SELECT count(*) FROM figures")).as("figures go with their runs").isEqualTo(12);
            assertThat(store.prune(0, 1, DAY1.plus(Duration.ofDays(2)))).isEqualTo(6);
            assertThat(scalar("SELECT count(*) FROM runs")).isZero();
        }
    }
}
