package dev.perf.run;

import dev.perf.analysis.Verdict;
import dev.perf.engine.EngineOptions;
import dev.perf.history.HistoryStore;
import dev.perf.history.RunInfo;
import dev.perf.metrics.Histograms;
import dev.perf.report.ResultJson;
import dev.perf.result.TimePoint;
import dev.perf.result.RunResult;
import dev.perf.scenario.Shard;
import dev.perf.testing.TestServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three generators each running one shard of the same scenario at once, starting together at perf.startAt: each
 * sends its share, their counts add up to the whole load, thresholds are left to the merged run, and nothing is
 * recorded in the history.
 */
@Timeout(120)
class ShardRunTest {
    @TempDir
    Path dir;

    /** The same options for every shard but the output folder; the scenario file is written once, before any runs. */
    private RunOptions options(TestServer server, String name, Path history) {
        return new RunOptions(dir.resolve("perf"), null, dir.resolve(name), null,
                Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults().withIoThreads(1),
                null, new HistoryOptions(history.toString(), null, dir, 0, 0, 5));
    }

    @Test
    void threeShardsStartTogetherAndSendTheWholeLoadBetweenThem() throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/split.yaml"), """
                name: split
                target: { baseUrl: "http://127.0.0.1:${port}" }
                requests: [ { name: home, path: / } ]
                load: { rate: 300/s, duration: 2s }
                monitor: { enabled: false }
                thresholds: [ "p95 <= 5s" ]
                """);
        Instant startAt = Instant.now().plusSeconds(3);
        Path history = dir.resolve("history.db");
        List<RunReport> reports = new ArrayList<>();
        List<RecordingConsole> consoles = new ArrayList<>();
        List<TestServer.Arrival> arrivals;
        try (TestServer server = new TestServer().recordArrivals()) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<RunReport>> shards = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    RunOptions options = options(server, "shard-" + i, history)
                            .withShard(new ShardOptions(new Shard(i, 3), "run-42", startAt));
                    RecordingConsole console = new RecordingConsole();
                    consoles.add(console);
                    shards.add(pool.submit(() -> new PerfRunner(console).run(options)));
                }
                for (Future<RunReport> shard : shards) {
                    reports.add(shard.get());
                }
            } finally {
                pool.shutdownNow();
            }
            // every request that got a response reached this server (on a busy machine a connection may fail)
            long answered = reports.stream().mapToLong(r -> r.outcomes().get(0).run().metrics().overall().ok()).sum();
            assertThat(server.requestCount()).isBetween(answered, 600L);
            arrivals = server.arrivals();
        }
        long total = 0;
        for (int i = 0; i < 3; i++) {
            ScenarioOutcome outcome = reports.get(i).outcomes().get(0);
            var overall = outcome.run().metrics().overall();
            assertThat(overall.count() + overall.dropped()).as("shard %d's share of the arrivals", i + 1)
                    .isEqualTo(200);
            total += overall.count() + overall.dropped();
            assertThat(outcome.verdict()).as("a shard's figures are a part: not judged").isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(reports.get(i).passed()).isTrue();
            assertThat(outcome.thresholds()).allSatisfy(t -> {
                assertThat(t.judged()).isFalse();
                assertThat(t.note()).contains("the merged run judges it");
            });
            RunResult result = ResultJson.read(outcome.runDirectory().resolve("summary.json"), RunResult.class);
            assertThat(result.shard()).satisfies(s -> {
                assertThat(s.count()).isEqualTo(3);
                assertThat(s.runKey()).isEqualTo("run-42");
                assertThat(s.startAt()).isEqualTo(startAt.toString());
                assertThat(s.startLateMs()).isNotNull().isBetween(0L, 10_000L);
                assertThat(s.host()).isNotBlank();
                assertThat(s.scenarioSha256()).hasSize(64);
            });
            // what a merge needs to rebuild every figure exactly: each histogram, not just its percentiles
            var service = dev.perf.metrics.Histograms.decode(java.util.Base64.getDecoder()
                    .decode(result.overall().serviceTimeHistogram()));
            assertThat(service.getTotalCount()).isBetween(1L, result.overall().count());
            assertThat(outcome.result().load().description())
                    .isEqualTo("300/s for 2s (shard " + (i + 1) + "/3: 1 in 3 arrivals of that)");
            String announced = "Shard " + (i + 1) + "/3 of run run-42";
            assertThat(consoles.get(i).lines).anyMatch(l -> l.startsWith(announced));
        }
        assertThat(total).as("the shards' arrivals add up to the whole schedule").isEqualTo(600);
        List<Integer> indexes = new ArrayList<>();
        for (RunReport report : reports) {
            indexes.add(ResultJson.read(report.outcomes().get(0).runDirectory().resolve("summary.json"),
                    RunResult.class).shard().index());
        }
        assertThat(indexes).containsExactly(1, 2, 3);
        assertThat(history).as("a shard records nothing: the merged run will").doesNotExist();
        assertEvenlySpaced(arrivals, 300);

        RecordingConsole console = new RecordingConsole();
        // the merge loads the scenario as the shards did, with the same properties
        RunOptions mergeOptions = new RunOptions(dir.resolve("perf"), null, dir.resolve("merged"), null,
                Map.of("port", "1"), Map.of(), EngineOptions.defaults(), null,
                new HistoryOptions(history.toString(), null, dir, 0, 0, 5));
        RunReport merged = new PerfRunner(console).merge(mergeOptions, new MergeOptions(List.of("shard-*"), dir, false));
        assertThat(merged.outcomes()).hasSize(1);
        ScenarioOutcome outcome = merged.outcomes().get(0);
        var overall = outcome.run().metrics().overall();
        assertThat(overall.count() + overall.dropped()).as("the merged run's arrivals: the whole schedule").isEqualTo(600);
        Histogram union = new Histogram(3);
        Histogram ttfbUnion = new Histogram(2);
        long unionCount = 0;
        long connections = 0;
        for (RunReport report : reports) {
            RunResult shard = ResultJson.read(report.outcomes().get(0).runDirectory().resolve("summary.json"),
                    RunResult.class);
            union.add(decode(shard.overall().latencyHistogram()));
            ttfbUnion.add(decode(shard.overall().phases().get("ttfb").histogram()));
            unionCount += shard.overall().count();
            connections += shard.overall().phases().get("connect").count();
        }
        RunResult result = ResultJson.read(outcome.runDirectory().resolve("summary.json"), RunResult.class);
        Histogram mergedLatency = decode(result.overall().latencyHistogram());
        assertThat(mergedLatency).as("the merged histogram is the union of the shards'").isEqualTo(union);
        assertThat(result.overall().count()).isEqualTo(unionCount);
        assertThat(decode(result.overall().phases().get("ttfb").histogram())).as("phases merge exactly too")
                .isEqualTo(ttfbUnion);
        assertThat(result.overall().phases().get("ttfb").count()).isEqualTo(unionCount);
        assertThat(result.overall().phases().get("connect").count()).isEqualTo(connections);
        assertThat(result.overall().latencyMs().p99()).isEqualTo(union.getValueAtPercentile(99) / 1000.0);
        for (double p : new double[]{50, 90, 95, 99, 99.9, 100}) {
            assertThat(outcome.run().metrics().overall().percentileMillis(p))
                    .isEqualTo(union.getValueAtPercentile(p) / 1000.0);
        }
        assertThat(result.timeSeries().get("ALL").stream().mapToLong(TimePoint::count).sum())
                .as("the merged time series holds every response once").isEqualTo(unionCount);
        assertThat(result.timeSeries().get("ALL").get(0).count())
                .as("each shard's first second is the merged run's first second, not the next one").isPositive();
        assertThat(result.stages().get(0).offered().overall().count()).isEqualTo(unionCount);
        assertThat(result.merged()).satisfies(m -> {
            assertThat(m.runKey()).isEqualTo("run-42");
            assertThat(m.partial()).isFalse();
            assertThat(m.shards()).extracting(RunResult.Part::index).containsExactly(1, 2, 3);
        });
        assertThat(result.shard()).isNull();
        assertThat(result.load().description()).isEqualTo("300/s for 2s");
        assertThat(outcome.thresholds().get(0)).satisfies(t -> {
            assertThat(t.threshold().expression()).isEqualTo("p95 <= 5s");
            assertThat(t.judged()).as("the merged run judges the thresholds").isTrue();
        });
        assertThat(outcome.runDirectory().resolve("latency.hlog")).isNotEmptyFile();
        assertThat(console.lines).anyMatch(l -> l.startsWith("Merging split: 3 of 3 shards of run run-42"));
        try (HistoryStore store = HistoryStore.open(history.toString())) {
            assertThat(store.runs("split", 0, 0, Instant.now())).as("one run in the history, not three")
                    .extracting(RunInfo::runId).containsExactly(outcome.runId());
        }
    }

    /** The union of the shards' arrivals at the total rate, interleaved rather than in bursts of one per shard. */
    static void assertEvenlySpaced(List<TestServer.Arrival> arrivals, double perSecond) {
        List<Long> times = arrivals.stream().map(TestServer.Arrival::nanos).sorted().toList();
        assertThat(times.size()).isGreaterThan(500);
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        // a generator that starts cold sends its first arrivals late and catches up, which shortens the span a little
        assertThat(times.size() / seconds).as("arrivals per second at the server").isBetween(perSecond * 0.7,
                perSecond * 1.5);
        // in bursts (every shard sending at the same instants) two of three gaps would be near zero; interleaved,
        // each is about a third of a shard's interval
        long tiny = 0;
        for (int i = 1; i < times.size(); i++) {
            if (times.get(i) - times.get(i - 1) < 300_000) {
                tiny++;
            }
        }
        assertThat(tiny / (double) (times.size() - 1)).as("share of gaps under 0.3 ms").isLessThan(0.4);
    }

    private static Histogram decode(String base64) {
        return Histograms.decode(java.util.Base64.getDecoder().decode(base64));
    }

    @Test
    void aScenarioThatCannotBeSplitThatManyWaysSendsNothing() throws Exception {
        try (TestServer server = new TestServer()) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/few.yaml"), """
                    name: few
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 2, iterations: 10 }
                    """);
            RunOptions options = new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                    Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults(), null)
                    .withShard(new ShardOptions(new Shard(3, 3), null, null));
            assertThatThrownBy(() -> new PerfRunner(new RecordingConsole()).run(options))
                    .isInstanceOf(PerfSetupException.class)
                    .hasMessageContaining("2 users cannot be split into 3 shards").hasMessageContaining("perf.shard=3/3");
            assertThat(server.requestCount()).isZero();
        }
    }
}
