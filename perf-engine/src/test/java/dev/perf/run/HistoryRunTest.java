package dev.perf.run;

import dev.perf.analysis.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs recorded in the history, and a relative threshold that has no baseline on the first run and one after. */
@Timeout(60)
class HistoryRunTest {
    @TempDir
    Path dir;

    @Test
    void aRelativeThresholdWaitsForABaselineThenJudgesAgainstIt() throws Exception {
        try (TestServer server = new TestServer().delayMillis(5)) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/kept.yaml"), """
                    name: kept
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 2, iterations: 50 }
                    monitor: { enabled: false }
                    thresholds: [ "p95 <= baseline * 20", "success-rate >= baseline - 1%" ]
                    """);
            String db = dir.resolve(".perf/history.db").toString();
            RunOptions options = new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                    Map.of("port", Integer.toString(server.port())), Map.of("GIT_BRANCH", "main"),
                    EngineOptions.defaults().withIoThreads(1), null,
                    new HistoryOptions(db, "dev.perf:test:1", dir, 0, 0, 5));
            RecordingConsole console = new RecordingConsole();

            RunReport first = new PerfRunner(console).run(options);
            assertThat(first.passed()).as("no baseline yet: reported, not failed").isTrue();
            assertThat(first.outcomes().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(first.outcomes().get(0).thresholds()).filteredOn(t -> t.threshold().isRelative())
                    .hasSize(2).allSatisfy(t -> assertThat(t.judged()).isFalse());
            assertThat(console.lines).anyMatch(l -> l.startsWith("    INCONCLUSIVE  p95 <= baseline * 20  (measured ")
                    && l.contains("no baseline: no earlier comparable run of kept on branch main"));
            JsonNode summary = new ObjectMapper().readTree(first.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            assertThat(summary.path("thresholds").get(0).path("judged").asBoolean()).isFalse();
            assertThat(summary.path("thresholds").get(0).path("limit").isNull()).isTrue();

            RunReport second = new PerfRunner(console).run(options);
            assertThat(second.passed()).isTrue();
            assertThat(second.outcomes().get(0).thresholds().get(0).note())
                    .contains("inconclusive: 1 comparable run in the baseline").contains("3 are needed");
            new PerfRunner(console).run(options);
            RunReport fourth = new PerfRunner(console).run(options);
            assertThat(fourth.outcomes().get(0).verdict()).isEqualTo(Verdict.PASSED);
            assertThat(fourth.outcomes().get(0).thresholds()).allSatisfy(t -> {
                assertThat(t.judged()).isTrue();
                assertThat(t.passed()).isTrue();
            });
            assertThat(fourth.outcomes().get(0).thresholds().get(0).note()).contains("median of 3 runs");

            // one baseline run cannot tell noise from change: nothing is called a regression
            assertThat(second.outcomes().get(0).regressions()).isNotEmpty().noneMatch(f ->
                    f.verdict() == dev.perf.analysis.RegressionCheck.Verdict.REGRESSED);
            JsonNode secondSummary = new ObjectMapper().readTree(second.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            assertThat(secondSummary.path("regressions").path("tolerancePercent").asDouble()).isEqualTo(10.0);
            assertThat(secondSummary.path("regressions").path("figures").get(0).path("baselineRuns").asInt()).isEqualTo(1);
            assertThat(console.lines).anyMatch(l -> l.startsWith("  regressions against the baseline: "));

            try (HistoryStore store = HistoryStore.open(db)) {
                HistoryQuery query = new HistoryQuery(store);
                assertThat(query.scenarios()).containsExactly("kept");
                assertThat(query.trend("kept", "ALL", 0, 0, HistoryQuery.Grouping.RUN, Instant.now()))
                        .hasSize(4).allSatisfy(p -> assertThat(p.count()).isEqualTo(50));
            }
            assertThat(console.lines).filteredOn(l -> l.startsWith("  history: recorded in ")).hasSize(4);
        }
    }

    private RunOptions options(TestServer server, boolean failOnRegression) {
        return new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port())), Map.of("GIT_BRANCH", "main"),
                EngineOptions.defaults().withIoThreads(1), null, new HistoryOptions(dir.resolve("h.db").toString(), null,
                dir, 0, 0, 5, 0.10, failOnRegression, null, null, false));
    }

    @Test
    void aSlowerRunFailsWithFailOnRegressionOnceThereIsABaseline() throws Exception {
        try (TestServer server = new TestServer().delayMillis(5)) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/watched.yaml"), """
                    name: watched
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 2, iterations: 20 }
                    monitor: { enabled: false }
                    """);
            // the baseline runs record the history without judging regressions: on a shared CI machine one of them
            // could itself look slower than the runs before it; only the last run is judged
            RunOptions baseline = options(server, false);
            RunOptions options = options(server, true);
            RecordingConsole console = new RecordingConsole();
            for (int i = 0; i < 4; i++) {
                assertThat(new PerfRunner(console).run(baseline).passed()).isTrue();
            }
            // the service gets 60 times slower: p95 goes from ~6 ms to ~300 ms, beyond the tolerance and beyond the noise
            // of baseline runs on a busy machine (which can reach tens of milliseconds)
            server.delayMillis(300);
            RunReport slower = new PerfRunner(console).run(options);

            assertThat(slower.passed()).isFalse();
            assertThat(slower.outcomes().get(0).regressions()).anySatisfy(f -> {
                assertThat(f.metric()).isEqualTo("p95");
                assertThat(f.verdict()).isEqualTo(dev.perf.analysis.RegressionCheck.Verdict.REGRESSED);
                assertThat(f.baseline().runs()).isEqualTo(4);
            });
            assertThat(console.lines).anyMatch(l -> l.startsWith("    REGRESSED  ALL p95: "));
        }
    }
}
