package dev.perf.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.perf.engine.EngineOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.RecordingConsole;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * schema/perf-summary.schema.json, the output contract of docs/reference/outputs.md, holds for real runs: the
 * invocation's summary.json and each run's, for the open and closed models, a stepped test with its analysis, a flow
 * with checks and captures, failures, an inconclusive gate and a threshold with no data.
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
        int runs = 0;
        for (JsonNode run : index.get("runs")) {
            JsonNode summary = JSON.readTree(dir.resolve("out").resolve(run.get("summary").asText()).toFile());
            Set<ValidationMessage> problems = schema.validate(summary);
            assertThat(problems).as(run.get("summary").asText()).isEmpty();
            runs++;
        }
        assertThat(runs).isEqualTo(3);
        // a document that breaks the contract does not pass
        JsonNode broken = JSON.readTree(dir.resolve("out").resolve(index.get("runs").get(0).get("summary").asText())
                .toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("overall")).put("count", "many");
        assertThat(schema.validate(broken)).isNotEmpty();
    }
}
