package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.metrics.Histograms;
import dev.perf.report.ResultJson;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three shard generators as separate JVMs started at once against one server on loopback (as three CI jobs would run
 * them), then their merge, next to a single generator running the whole load: the server sees the union of the
 * shards' arrivals interleaved at the total rate, the merged counts are the sum, the merged percentiles are exactly
 * those of the union of the shards' histograms, and the merged run measures what the single generator measures.
 */
@Timeout(240)
class ShardProcessesTest {
    private static final String SCENARIO = """
            name: checkout
            target: { baseUrl: "http://127.0.0.1:${port}" }
            requests: [ { name: home, path: / } ]
            load: { rate: 150/s, duration: 4s }
            monitor: { enabled: false }
            thresholds: [ "p99 <= 5s" ]
            """;
    @TempDir
    Path dir;

    /** One shard, as a CI job runs it: args are scenarios, output, port, I, N, run key, start. */
    public static final class ShardMain {
        public static void main(String[] args) throws Exception {
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(Path.of(args[0]), null,
                    Path.of(args[1]), null, Map.of("port", args[2]), Map.of(), EngineOptions.defaults(), null)
                    .withShard(new ShardOptions(new Shard(Integer.parseInt(args[3]), Integer.parseInt(args[4])),
                            args[5], Instant.parse(args[6]))));
            System.exit(report.outcomes().size() == 1 ? 0 : 1);
        }
    }

    private Process shard(Path scenarios, int index, int port, Instant startAt) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), ShardMain.class.getName(), scenarios.toString(),
                dir.resolve("shard-" + index).toString(), Integer.toString(port), Integer.toString(index), "3",
                "run-1", startAt.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("shard-" + index + ".log").toFile()).start();
    }

    @Test
    void threeShardProcessesMergeIntoTheRunOneGeneratorWouldHaveMeasured() throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("checkout.yaml"), SCENARIO);
        List<TestServer.Arrival> arrivals;
        RunReport single;
        try (TestServer server = new TestServer().delayMillis(5).recordArrivals()) {
            // JVMs start in a second or two; a busy machine may take longer, and a late shard is only reported
            Instant startAt = Instant.now().plusSeconds(8);
            List<Process> shards = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                shards.add(shard(scenarios, i, server.port(), startAt));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(shards.get(i).waitFor(120, TimeUnit.SECONDS)).as("shard %d finished", i + 1).isTrue();
                assertThat(shards.get(i).exitValue()).as(Files.readString(dir.resolve("shard-" + (i + 1) + ".log")))
                        .isZero();
            }
            arrivals = server.arrivals();
            single = new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null, dir.resolve("single"),
                    null, Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults(), null));
        }
        assertThat(arrivals).as("every arrival of the shards reached the server").hasSize(600);
        ShardRunTest.assertEvenlySpaced(arrivals, 150);

        RunReport merged = new PerfRunner(new RecordingConsole()).merge(new RunOptions(scenarios, null,
                dir.resolve("merged"), null, Map.of("port", "1"), Map.of(), EngineOptions.defaults(), null),
                new MergeOptions(List.of("shard-*"), dir, false));
        RunResult result = ResultJson.read(merged.outcomes().get(0).runDirectory().resolve("summary.json"),
                RunResult.class);
        Histogram union = new Histogram(3);
        long count = 0;
        List<String> hosts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path summary : files.filter(p -> p.getFileName().toString().equals("summary.json")
                    && p.toString().contains("/shard-") && Files.exists(p.resolveSibling("latency.hlog"))).toList()) {
                RunResult shard = ResultJson.read(summary, RunResult.class);
                union.add(Histograms.decode(Base64.getDecoder().decode(shard.overall().latencyHistogram())));
                count += shard.overall().count();
                hosts.add(shard.shard().host());
            }
        }
        assertThat(hosts).hasSize(3);
        assertThat(result.overall().count()).as("the merged count is the sum of the shards'").isEqualTo(count);
        assertThat(result.overall().count() + result.overall().dropped()).isEqualTo(600);
        assertThat(Histograms.decode(Base64.getDecoder().decode(result.overall().latencyHistogram())))
                .as("the merged histogram is exactly the union of the shards'").isEqualTo(union);
        for (double p : new double[]{50, 90, 99, 100}) {
            assertThat(merged.outcomes().get(0).run().metrics().overall().percentileMillis(p))
                    .isEqualTo(union.getValueAtPercentile(p) / 1000.0);
        }
        // the same load from one generator: the same arrivals, and (the server holds each request 5 ms) a median
        // latency in the same place, not off by a unit; three cold JVMs on a two-core machine add their own delays
        // (a CI run saw 14.0 ms merged against 6.1 ms from one generator), so the bound is generous
        var whole = single.outcomes().get(0).run().metrics().overall();
        assertThat(whole.count() + whole.dropped()).isEqualTo(600);
        assertThat(result.overall().latencyMs().p50()).isBetween(whole.percentileMillis(50) * 0.5,
                whole.percentileMillis(50) * 4);
        assertThat(result.overall().rps()).isBetween(whole.rps() * 0.8, whole.rps() * 1.25);
    }
}
