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

/**
 * What every history backend must do, through {@link HistoryStore} alone: record runs and read them back, trends from
 * merged histograms, the report, change points, documents, retention and the choice of baseline runs. A backend's
 * test extends this with how to open a fresh, empty history.
 */
abstract class HistoryStoreContract {
    static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");

    /** A fresh, empty history. */
    protected abstract HistoryStore open() throws Exception;

    @Test
    void percentilesOverAPeriodComeFromMergedHistograms() throws Exception {
        Random random = new Random(7);
        Histogram all = new Histogram(3);
        try (HistoryStore store = open()) {
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
        try (HistoryStore store = open()) {
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
        try (HistoryStore store = open()) {
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
    void runsAndTheirDocumentsAreReadBackAndRetentionDropsTheOldest() throws Exception {
        byte[] summary = "{\"scenario\":\"s\"}".getBytes(StandardCharsets.UTF_8);
        try (HistoryStore store = open()) {
            RunRecord r = Runs.run("r1", "s", DAY1, 1000);
            store.record(new RunRecord(r.runId(), r.scenario(), r.scenarioFile(), r.scenarioSha256(), r.start(), r.end(),
                    r.verdict(), r.loadModel(), r.loadDescription(), r.metrics(), r.thresholds(), r.resources(), false,
                    r.context(), Map.of("summary.json", summary)));
            for (int i = 2; i <= 4; i++) {
                store.record(Runs.run("r" + i, "s", DAY1.plus(Duration.ofMinutes(i)), 1000 * i));
            }
            store.record(Runs.run("t1", "t", DAY1, 1000));
            assertThat(store.scenarios()).containsExactly("s", "t");
            assertThat(store.trackedScenarios()).isEmpty();
            assertThat(store.document("r1", "summary.json")).isEqualTo(summary);
            assertThat(store.document("r1", "resources.json")).isNull();
            assertThat(store.runs("s", 0, 0, DAY1)).extracting(RunInfo::runId).containsExactly("r1", "r2", "r3", "r4");
            assertThat(store.figures("s", "get", 2, 0, DAY1)).extracting(StoredFigures::runId, StoredFigures::count)
                    .containsExactly(tuple("r3", 1L), tuple("r4", 1L));
            assertThat(store.figuresOf("r4", "get").latency().getMaxValue()).isBetween(3990L, 4010L);
            assertThat(store.figuresOf("r4", "nope")).isNull();

            assertThat(store.prune(2, 0, DAY1)).isEqualTo(2);
            assertThat(store.runs("s", 0, 0, DAY1)).extracting(RunInfo::runId).containsExactly("r3", "r4");
            assertThat(store.document("r1", "summary.json")).as("documents go with their runs").isNull();
            assertThat(store.runs("t", 0, 0, DAY1)).extracting(RunInfo::runId).containsExactly("t1");
        }
    }

    @Test
    void baselineRunsAreTheNewestComparableOnesOfTheSameBranchHardwareAndEnvironment() throws Exception {
        try (HistoryStore store = open()) {
            for (int i = 0; i < 4; i++) {
                store.record(Runs.run("b" + i, "s", DAY1.plus(Duration.ofMinutes(i)), 1000));
            }
            assertThat(store.baselineRuns("s", "main", null, null, 3)).containsExactly("b3", "b2", "b1");
            assertThat(store.baselineRuns("s", "other-branch", null, null, 3)).isEmpty();
            assertThat(store.baselineRuns("s", null, null, "staging", 3)).isEmpty();
            assertThat(store.hasRun("s", "b0")).isTrue();
            assertThat(store.hasRun("t", "b0")).isFalse();
        }
    }
}
