package dev.perf.history;

import dev.perf.analysis.Baselines;
import dev.perf.scenario.Metric;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.scenario.ThresholdParser;
import dev.perf.analysis.ThresholdResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Relative thresholds judged against the median of earlier passing runs on the same branch and hardware. */
class BaselinesTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    @TempDir
    Path dir;

    private static RunRecord run(String id, int minute, String verdict, String branch, String hardware, long valueMicros) {
        RunRecord r = Runs.run(id, "s", T0.plus(Duration.ofMinutes(minute)), valueMicros, valueMicros, valueMicros);
        RunContext c = new RunContext("p", "c", branch, null, null, "h", hardware, "{}", "v");
        return new RunRecord(r.runId(), r.scenario(), r.scenarioFile(), r.scenarioSha256(), r.start(), r.end(), verdict,
                r.loadModel(), r.loadDescription(), r.metrics(), r.thresholds(), r.resources(), false, c, Map.of());
    }

    @Test
    void theBaselineIsTheMedianOfTheLastPassingRunsOnTheSameBranchAndHardware() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db").toString())) {
            store.record(run("old", 0, "passed", "main", "hw1", 90_000));
            store.record(run("a", 1, "passed", "main", "hw1", 10_000));
            store.record(run("b", 2, "passed", "main", "hw1", 30_000));
            store.record(run("c", 3, "passed", "main", "hw1", 20_000));
            store.record(run("failed", 4, "failed", "main", "hw1", 500_000));
            store.record(run("other-branch", 5, "passed", "feature", "hw1", 1_000));
            store.record(run("other-machine", 6, "passed", "main", "hw2", 1_000));

            Baselines baselines = new HistoryBaselines(store, "s", "main", "hw1", 3);
            Baselines.Figure p95 = baselines.of(null, ThresholdParser.parse("p95 < 1s").metric());
            // the last 3 passing runs on main/hw1 are a, b, c: p95 10, 30, 20 ms
            assertThat(p95.runs()).isEqualTo(3);
            assertThat(p95.median()).isCloseTo(20.0, within(0.05));
            assertThat(p95.min()).isCloseTo(10.0, within(0.05));
            assertThat(p95.max()).isCloseTo(30.0, within(0.05));
            assertThat(baselines.of("get", ThresholdParser.parse("success-rate > 1%").metric()).median()).isEqualTo(100.0);

            // a pinned run is the baseline whatever its branch and hardware; mixing hardware when asked
            assertThat(new HistoryBaselines(store, "s", "main", "hw1", 3, "other-machine").of(null,
                    ThresholdParser.parse("p95 < 1s").metric()).median()).isCloseTo(1.0, within(0.01));
            assertThat(new HistoryBaselines(store, "s", "main", "hw1", 3, "nope").whyNone())
                    .isEqualTo("the pinned baseline run nope of s is not in the history");
            assertThat(new HistoryBaselines(store, "s", "main", null, 2).of(null,
                    ThresholdParser.parse("p95 < 1s").metric()).values()).containsExactly(1.0, 20.015);

            assertThat(new HistoryBaselines(store, "s", "release", "hw1", 3).of(null,
                    ThresholdParser.parse("p95 < 1s").metric())).isNull();
            assertThat(new HistoryBaselines(store, "s", "release", "hw1", 3).whyNone())
                    .isEqualTo("no earlier comparable run of s on branch release on this hardware (hw1)");
        }
    }

    @Test
    void runsInAnotherEnvironmentAreNotABaseline() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db").toString())) {
            store.record(inEnvironment(run("none", 1, "passed", "main", "hw1", 10_000), null));
            store.record(inEnvironment(run("staging", 2, "passed", "main", "hw1", 50_000), "staging"));
            store.record(inEnvironment(run("perf-lab", 3, "passed", "main", "hw1", 90_000), "perf-lab"));
            Metric p95 = ThresholdParser.parse("p95 < 1s").metric();

            assertThat(new HistoryBaselines(store, "s", "main", "hw1", 5, null, "staging").of(null, p95).values())
                    .containsExactly(50.015);
            assertThat(new HistoryBaselines(store, "s", "main", "hw1", 5).of(null, p95).values())
                    .as("a run without an environment, only against runs without one").containsExactly(10.007);
            HistoryBaselines elsewhere = new HistoryBaselines(store, "s", "main", "hw1", 5, null, "prod-like");
            assertThat(elsewhere.of(null, p95)).isNull();
            assertThat(elsewhere.whyNone())
                    .isEqualTo("no earlier comparable run of s on branch main in environment prod-like on this hardware (hw1)");
            assertThat(scalar(store, "SELECT group_concat(coalesce(environment, '-'), ',') FROM runs"))
                    .isEqualTo("-,staging,perf-lab");
        }
    }

    private static RunRecord inEnvironment(RunRecord r, String environment) {
        return new RunRecord(r.runId(), r.scenario(), r.scenarioFile(), r.scenarioSha256(), r.start(), r.end(),
                r.verdict(), r.loadModel(), r.loadDescription(), r.metrics(), r.thresholds(), r.resources(), false,
                r.context(), Map.of(), Map.of(), environment);
    }

    private static Object scalar(HistoryStore store, String sql) throws Exception {
        try (var s = ((SqliteHistoryStore) store).connection().createStatement(); var r = s.executeQuery(sql)) {
            return r.next() ? r.getObject(1) : null;
        }
    }

    @Test
    void aBaselineIsMadeOfComparableRunsAndFewerThanThreeLeaveARelativeThresholdInconclusive() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db").toString())) {
            store.record(run("quiet", 1, "passed", "main", "hw1", 18_000));
            // failed only against the baseline: still a measurement of the service, so the baseline can follow it
            ThresholdResult relativeBreach = new ThresholdResult(ThresholdParser.parse("p95 <= baseline * 1.5"), 30.0,
                    false, "baseline 18ms");
            store.record(withThresholds(run("noisy", 2, "failed", "main", "hw1", 30_000), List.of(relativeBreach)));
            // failed an absolute threshold, or stopped early: not a measurement to compare with
            ThresholdResult absoluteBreach = new ThresholdResult(ThresholdParser.parse("p95 <= 20ms"), 90.0, false, null);
            store.record(withThresholds(run("broken", 3, "failed", "main", "hw1", 90_000), List.of(absoluteBreach)));
            store.record(run("stopped", 4, "partial", "main", "hw1", 70_000));
            Metric p95 = ThresholdParser.parse("p95 < 1s").metric();
            HistoryBaselines baselines = new HistoryBaselines(store, "s", "main", "hw1", 5);
            assertThat(baselines.of(null, p95).values()).containsExactly(18.015, 30.015);

            RunRecord current = Runs.run("now", "s", T0.plus(Duration.ofHours(1)), 23_000, 23_000);
            ThresholdResult two = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("p95 <= baseline * 1.10")),
                    new RunFigures(current.metrics().overall(), current.metrics().byRequest(), null, null, baselines))
                    .get(0);
            assertThat(two.judged()).isFalse();
            assertThat(two.breached()).isFalse();
            assertThat(two.note()).startsWith("inconclusive: 2 comparable runs in the baseline (median 24.0")
                    .endsWith("ms); 3 are needed to tell noise from change");

            store.record(run("third", 5, "inconclusive", "main", "hw1", 20_000));
            ThresholdResult three = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("p95 <= baseline * 1.5")),
                    new RunFigures(current.metrics().overall(), current.metrics().byRequest(), null, null,
                            new HistoryBaselines(store, "s", "main", "hw1", 5))).get(0);
            assertThat(three.judged()).isTrue();
            assertThat(three.passed()).isTrue();
            assertThat(scalar(store, "SELECT group_concat(run_id || ':' || verdict || ':' || inconclusive || ':' "
                    + "|| comparable, ',') FROM runs")).isEqualTo("quiet:passed:0:1,noisy:failed:0:1,broken:failed:0:0,"
                    + "stopped:partial:0:0,third:passed:1:1");
        }
    }

    private static RunRecord withThresholds(RunRecord r, List<ThresholdResult> thresholds) {
        return new RunRecord(r.runId(), r.scenario(), r.scenarioFile(), r.scenarioSha256(), r.start(), r.end(),
                r.verdict(), r.loadModel(), r.loadDescription(), r.metrics(), thresholds, r.resources(), false,
                r.context(), Map.of());
    }

    @Test
    void relativeThresholdsAreJudgedAgainstTheBaselineAndAreNotPassedWithoutOne() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db").toString())) {
            store.record(run("a", 1, "passed", "main", "hw1", 19_000));
            store.record(run("b", 2, "passed", "main", "hw1", 20_000));
            store.record(run("c", 3, "passed", "main", "hw1", 21_000));
            RunRecord current = Runs.run("now", "s", T0.plus(Duration.ofHours(1)), 23_000, 23_000);
            RunFigures figures = new RunFigures(current.metrics().overall(), current.metrics().byRequest(), null, null,
                    new HistoryBaselines(store, "s", "main", "hw1", 5));
            List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(
                    ThresholdParser.parse("p95 <= baseline * 1.10"),
                    ThresholdParser.parse("p95 <= baseline * 1.20"),
                    ThresholdParser.parse("get.avg <= baseline + 5ms"),
                    ThresholdParser.parse("error-rate <= baseline + 0.5%")), figures);
            assertThat(results).extracting(ThresholdResult::passed).containsExactly(false, true, true, true);
            assertThat(results).allMatch(ThresholdResult::judged);
            assertThat(results.get(0).breached()).isTrue();
            assertThat(results.get(0).describe()).isEqualTo("p95 <= baseline * 1.10  (measured 23.01ms; baseline "
                    + "20.02ms (median of 3 runs, 19.01ms to 21.01ms), limit 22.02ms)");

            RunFigures noHistory = new RunFigures(current.metrics().overall(), current.metrics().byRequest(), null, null,
                    new HistoryBaselines(store, "s", "other", "hw1", 5));
            ThresholdResult none = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("p95 <= baseline * 1.10")),
                    noHistory).get(0);
            assertThat(none.judged()).isFalse();
            assertThat(none.passed()).isFalse();
            assertThat(none.breached()).isFalse();
            assertThat(none.note()).isEqualTo("no baseline: no earlier comparable run of s on branch other on this hardware (hw1)");
        }
        ThresholdResult off = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("rps >= baseline * 0.9")),
                new RunFigures(null, Map.of(), null, null, null)).get(0);
        assertThat(off.note()).isEqualTo("no baseline: the run history is off");
    }

    @Test
    void relativeLimitsAreParsedInTheMetricsUnit() {
        assertThat(ThresholdParser.parse("p95 <= baseline * 1.10").relative().limit(100)).isCloseTo(110, within(1e-9));
        assertThat(ThresholdParser.parse("p95 <= baseline + 20ms").relative().limit(100)).isEqualTo(120);
        assertThat(ThresholdParser.parse("error-rate <= baseline + 0.5%").relative().limit(1)).isEqualTo(1.5);
        assertThat(ThresholdParser.parse("rps >= baseline - 10").relative().limit(100)).isEqualTo(90);
        assertThat(ThresholdParser.parse("p99 <= baseline").relative().limit(7)).isEqualTo(7);
        assertThatThrownBy(() -> ThresholdParser.parse("p95 <= baseline * fast")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> ThresholdParser.parse("p95 <= baseline / 2")).hasMessageContaining("is not a baseline limit");
        assertThatThrownBy(() -> ThresholdParser.parse("error-rate <= baseline + 0.5"))
                .hasMessageContaining("needs percentage points such as 0.5%");
        assertThatThrownBy(() -> ThresholdParser.parse("cpu.avg <= baseline * 1.1"))
                .hasMessageContaining("applies to the responses' figures");
    }
}
