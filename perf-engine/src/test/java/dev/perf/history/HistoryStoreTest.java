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

class HistoryStoreTest {
    private static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");
    @TempDir
    Path dir;

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
        try (HistoryStore store = HistoryStore.open(db())) {
            assertThat(Schema.version(store.connection())).isEqualTo(Schema.latest());
            store.record(Runs.run("r1", "s", DAY1, 1000, 2000));
        }
        try (HistoryStore store = HistoryStore.open(db())) {
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
        try (HistoryStore store = HistoryStore.open(db())) {
            store.record(Runs.run("r1", "s", DAY1, 1000));
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.latest() + 1));
        }
        assertThatThrownBy(() -> HistoryStore.open(db())).isInstanceOf(SQLException.class)
                .hasMessageContaining("newer than this perf knows");
        assertThat(scalar("SELECT count(*) FROM runs")).isEqualTo(1);
    }

    @Test
    void aRunIsStoredWithItsHistogramWhichDecodesToTheSameValues() throws Exception {
        try (HistoryStore store = HistoryStore.open(db())) {
            store.record(Runs.run("r1", "s", DAY1, 1000, 2000, 3000, 150_000));
            try (var s = store.connection().prepareStatement(
                    "SELECT latency_hdr, count, p99_ms FROM figures WHERE request = 'get' AND stage = -1");
                 ResultSet r = s.executeQuery()) {
                r.next();
                Histogram h = HistoryStore.decode(r.getBytes(1));
                assertThat(h.getTotalCount()).isEqualTo(4);
                assertThat(h.getMaxValue()).isEqualTo(h.highestEquivalentValue(150_000));
                assertThat(r.getLong(2)).isEqualTo(4);
            }
        }
    }

    @Test
    void percentilesOverAPeriodComeFromMergedHistograms() throws Exception {
        Random random = new Random(7);
        Histogram all = new Histogram(3);
        try (HistoryStore store = HistoryStore.open(db())) {
            for (int run = 0; run < 6; run++) {
                long[] values = new long[500];
                for (int i = 0; i < values.length; i++) {
                    // each run has its own spread, so averaging the runs' percentiles would be wrong
                    values[i] = 1000 + (long) (random.nextExponential() * 1000 * (run + 1));
                    all.recordValue(values[i]);
                }
                store.record(Runs.run("r" + run, "s", DAY1.plus(Duration.ofHours(run)), values));
            }
            List<TrendPoint> byDay = new HistoryQuery(store).trend("s", "get", 0, 0, HistoryQuery.Grouping.DAY,
                    DAY1.plus(Duration.ofDays(1)));
            assertThat(byDay).singleElement().satisfies(day -> {
                assertThat(day.label()).isEqualTo("2026-11-20");
                assertThat(day.runs()).isEqualTo(6);
                assertThat(day.count()).isEqualTo(3000);
                assertThat(day.p95Ms()).isEqualTo(all.getValueAtPercentile(95) / 1000.0);
                assertThat(day.p99Ms()).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
                assertThat(day.p50Ms()).isEqualTo(all.getValueAtPercentile(50) / 1000.0);
                assertThat(day.rps()).isEqualTo(3000 / 60.0);
            });
            List<TrendPoint> byRun = new HistoryQuery(store).trend("s", "get", 3, 0, HistoryQuery.Grouping.RUN,
                    DAY1.plus(Duration.ofDays(1)));
            assertThat(byRun).extracting(TrendPoint::label).containsExactly("r3", "r4", "r5");
        }
    }

    @Test
    void theReportCoversTheLastDaysPerScenarioAndRequest() throws Exception {
        try (HistoryStore store = HistoryStore.open(db())) {
            store.record(Runs.run("old", "s", DAY1.minus(Duration.ofDays(30)), 9_000_000));
            store.record(Runs.run("a", "s", DAY1, 1000, 3000));
            store.record(Runs.run("b", "t", DAY1, 2000));
            List<HistoryQuery.ReportRow> report = new HistoryQuery(store).report(7, DAY1.plus(Duration.ofDays(1)));
            assertThat(report).extracting(HistoryQuery.ReportRow::scenario, HistoryQuery.ReportRow::request,
                    HistoryQuery.ReportRow::runs, HistoryQuery.ReportRow::count).containsExactly(
                    tuple("s", "ALL", 1, 2L), tuple("s", "get", 1, 2L),
                    tuple("t", "ALL", 1, 1L), tuple("t", "get", 1, 1L));
            // HdrHistogram's mean uses each bucket's middle: 3 significant digits
            assertThat(report.get(0).avgMs()).isCloseTo(2.0, within(0.002));
        }
    }

    @Test
    void aLastingShiftInTheHistoryIsAChangePoint() throws Exception {
        try (HistoryStore store = HistoryStore.open(db())) {
            for (int i = 0; i < 30; i++) {
                long base = i < 20 ? 10_000 : 15_000;
                long wobble = (i % 3) * 200L;
                store.record(Runs.run("run" + i, "s", DAY1.plus(Duration.ofMinutes(i)), base + wobble, base + wobble));
            }
            List<HistoryQuery.ChangePoint> changes = new HistoryQuery(store).changePoints("s", "ALL",
                    ThresholdParser.parse("p95 < 1s").metric(), 0);
            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.runId()).isEqualTo("run20");
                assertThat(c.changePercent()).isCloseTo(50, within(5.0));
            });
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
        try (HistoryStore store = HistoryStore.open(db())) {
            assertThat(Schema.version(store.connection())).isEqualTo(Schema.latest());
            assertThat(store.document("old", "summary.json")).as("runs from before have no copy").isNull();
            store.record(Runs.run("new", "s", DAY1, 1000));
        }
        assertThat(scalar("SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void aRunsResultFilesAreKeptWithItAndGoWithIt() throws Exception {
        byte[] summary = "{\"scenario\":\"s\",\"runId\":\"r1\"}".repeat(200).getBytes(StandardCharsets.UTF_8);
        try (HistoryStore store = HistoryStore.open(db())) {
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
        try (HistoryStore store = HistoryStore.open(db())) {
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
