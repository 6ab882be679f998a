package dev.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.perf.engine.EngineOptions;
import dev.perf.result.Invocation;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;
import dev.perf.run.PerfRunner;
import dev.perf.run.RecordingConsole;
import dev.perf.run.RunOptions;
import dev.perf.run.MergeOptions;
import dev.perf.run.RunReport;
import dev.perf.run.ShardOptions;
import dev.perf.scenario.Shard;
import dev.perf.testing.TestServer;
import dev.perf.track.TrackedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schema/perf-summary.schema.json, the output contract of docs/reference/outputs.md, holds for real runs: the
 * invocation's summary.json and each run's, for the open and closed models, a stepped test with its analysis, a flow
 * with checks and captures, failures, an inconclusive gate, a threshold with no data, and a tracked test's run. The
 * typed model of {@code dev.perf.result} reads every one of these files back whole: written again, it gives the same
 * JSON, so the dashboard, perf:verify and a merge of shards see everything a run wrote.
 */
@Timeout(120)
class SummarySchemaTest {
    private static final Path SCHEMA = Path.of("../schema/perf-summary.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void realRunsMatchTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMA));
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("open.yaml"), """
                target: { baseUrl: "${base}" }
                requests:
                  - { name: home, path: / }
                  - { name: missing, path: /x, expect: { status: 404 } }
                load: { rate: 40/s, duration: 1s }
                thresholds: [ "p95 <= 5s", "home.count >= 1", "rps >= 1" ]
                monitor: { enabled: false }
                """);
        Files.writeString(scenarios.resolve("closed.yaml"), """
                target: { baseUrl: "${base}" }
                flows:
                  - name: journey
                    steps:
                      - { name: first, path: /a, capture: { id: $.id } }
                      - { name: second, path: "/b/${id}", check: [ { json: $.name, equals: test }, { bodyMatches: "id" } ] }
                load: { concurrency: 2, iterations: 10 }
                thresholds: [ "first.p99 <= 5s", "error-rate <= 100%" ]
                """);
        Files.writeString(scenarios.resolve("stepped.yaml"), """
                target: { baseUrl: "${base}" }
                requests: [ { name: home, path: / } ]
                load: { rate: [10/s, 20/s], stepDuration: 500ms }
                thresholds: [ "breakpoint >= 10/s" ]
                monitor: { enabled: false }
                """);
        try (TestServer server = new TestServer()) {
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null,
                    dir.resolve("out"), null, Map.of("base", server.baseUrl()), Map.of(),
                    EngineOptions.defaults().withIoThreads(1), null));
            assertThat(report.outcomes()).hasSize(3);
        }
        JsonNode index = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(schema.validate(index)).as("the invocation's summary.json").isEmpty();
        assertReadBackWhole(dir.resolve("out/summary.json"), Invocation.class);
        int runs = 0;
        for (JsonNode run : index.get("runs")) {
            Path file = dir.resolve("out").resolve(run.get("summary").asText());
            Set<ValidationMessage> problems = schema.validate(JSON.readTree(file.toFile()));
            assertThat(problems).as(run.get("summary").asText()).isEmpty();
            assertReadBackWhole(file, RunResult.class);
            if (Files.exists(file.resolveSibling("resources.json"))) {
                assertReadBackWhole(file.resolveSibling("resources.json"), ResourceSamples.class);
                runs++;
            }
            runs++;
        }
        assertThat(runs).as("three runs, one of them monitored").isEqualTo(4);

        Path tracked = dir.resolve("tracked.json");
        ResultJson.write(trackedRun(), tracked);
        assertThat(schema.validate(JSON.readTree(tracked.toFile()))).as("a tracked test's summary.json").isEmpty();
        assertReadBackWhole(tracked, RunResult.class);
        // a document that breaks the contract does not pass
        JsonNode broken = JSON.readTree(dir.resolve("out").resolve(index.get("runs").get(0).get("summary").asText())
                .toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("overall")).put("count", "many");
        assertThat(schema.validate(broken)).isNotEmpty();
    }

    @Test
    void shardsAndTheirMergeMatchTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMA));
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("stepped.yaml"), """
                target: { baseUrl: "${base}" }
                requests: [ { name: home, path: / } ]
                load: { rate: [10/s, 20/s], stepDuration: 1500ms }
                thresholds: [ "breakpoint >= 10/s", "generator.cpu.max <= 1000%" ]
                """);
        List<Path> files = new ArrayList<>();
        try (TestServer server = new TestServer()) {
            for (int i = 1; i <= 2; i++) {
                RunReport shard = new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null,
                        dir.resolve("shard-" + i), null, Map.of("base", server.baseUrl()), Map.of(),
                        EngineOptions.defaults().withIoThreads(1), null)
                        .withShard(new ShardOptions(new Shard(i, 2), "k", null)));
                files.add(shard.outcomes().get(0).runDirectory().resolve("summary.json"));
            }
            RunReport merged = new PerfRunner(new RecordingConsole()).merge(new RunOptions(scenarios, null,
                    dir.resolve("merged"), null, Map.of("base", server.baseUrl()), Map.of(),
                    EngineOptions.defaults(), null), new MergeOptions(List.of("shard-1", "shard-2"), dir, false));
            files.add(merged.outcomes().get(0).runDirectory().resolve("summary.json"));
        }
        for (Path file : files) {
            assertThat(schema.validate(JSON.readTree(file.toFile()))).as(file.toString()).isEmpty();
            assertReadBackWhole(file, RunResult.class);
        }
        RunResult shard = ResultJson.read(files.get(0), RunResult.class);
        assertThat(shard.stages().get(0).offered().overall().latencyHistogram())
                .as("a shard keeps each stage's histograms for the merge").isNotNull();
        assertThat(shard.stages().get(0).offered().sendLagHistogram()).isNotNull();
        RunResult merged = ResultJson.read(files.get(2), RunResult.class);
        assertThat(merged.merged().shards()).hasSize(2);
        assertThat(merged.scalability().levels()).hasSize(2);
        assertThat(merged.stages().get(0).offered().overall().latencyHistogram())
                .as("a merged run's stages are like any run's").isNull();
        assertThat(merged.thresholds().get(1).note()).startsWith("the worst of 2 shards: ");
    }

    private static RunResult trackedRun() {
        TrackedRun run = new TrackedRun("t");
        for (int i = 0; i < 5; i++) {
            TrackedRun.begin().end(run, i == 4 ? "slow" : "fast", i == 3 ? new IllegalStateException("boom") : null);
        }
        run.stopSampling();
        Instant now = Instant.now();
        return TrackedJson.of("20261205-120000-t-abcd", "t", "dev.perf.SomeTest", now, now, run.metrics(), run.costs(),
                List.of(), "failed", null);
    }

    /** The file read into its type and written again is the same JSON: nothing is lost or changed on the way. */
    private static void assertReadBackWhole(Path file, Class<?> type) throws Exception {
        JsonNode written = JSON.readTree(file.toFile());
        JsonNode again = JSON.readTree(ResultJson.bytes(ResultJson.read(file, type)));
        assertThat(again).as("%s read as %s and written again", file.getFileName(), type.getSimpleName())
                .isEqualTo(written);
    }
}
