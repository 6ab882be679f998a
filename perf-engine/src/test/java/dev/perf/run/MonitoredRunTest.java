package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.ServerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run that starts its target: the monitor watches machine, generator and target; resources.json and thresholds. */
@Timeout(60)
class MonitoredRunTest {
    @TempDir
    Path dir;

    @Test
    void theStartedTargetIsMonitoredAndResourceThresholdsAreJudged() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/monitored.yaml"), """
                name: monitored
                target: { baseUrl: "http://127.0.0.1:${port}" }
                requests: [ { name: home, path: / } ]
                load: { rate: 100/s, duration: 3500ms }
                thresholds:
                  - success-rate >= 99%
                  - target.threads.max > 3
                  - generator.memory.max < 8GB
                  - cpu.max <= 100%
                  - target.memory.max < 1MB
                """);
        TargetCommand target = new TargetCommand(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerMain.class.getName(), Integer.toString(port)),
                dir, URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(30), dir.resolve("target.log"));
        RecordingConsole console = new RecordingConsole();
        RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"),
                null, Map.of("port", Integer.toString(port)), Map.of(), EngineOptions.defaults().withIoThreads(1), target));

        ScenarioOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.thresholds()).extracting(t -> t.passed()).containsExactly(true, true, true, true, false, true, true);
        assertThat(outcome.breaches()).singleElement().satisfies(b ->
                assertThat(b.describe()).startsWith("target.memory.max < 1MB  (measured ").endsWith("MB)"));

        ObjectMapper json = new ObjectMapper();
        JsonNode resources = json.readTree(outcome.runDirectory().resolve("resources.json").toFile());
        assertThat(resources.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(resources.path("intervalSeconds").asDouble()).isEqualTo(1.0);
        assertThat(resources.path("target").asText()).startsWith("pid ").endsWith(", started by the run");
        assertThat(resources.path("watched")).extracting(JsonNode::asText)
                .containsExactly("machine", "generator", "target");
        assertThat(resources.path("environment").path("logicalCpus").asInt()).isPositive();
        JsonNode samples = resources.path("samples");
        assertThat(samples.size()).isBetween(2, 5);
        JsonNode first = samples.get(0);
        assertThat(first.path("t").asDouble()).isBetween(0.9, 1.5);
        assertThat(first.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(first.path("machine").path("cpu").isNumber()).isTrue();
        assertThat(first.path("machine").has("net-received")).isTrue();
        assertThat(first.path("generator").path("memory").asLong()).isPositive();
        assertThat(first.path("generator").has("load")).as("load is a machine figure").isFalse();
        assertThat(first.path("target").path("threads").asInt()).isGreaterThan(3);
        assertThat(resources.path("summary").path("target").path("cpu").path("avg").isNumber()).isTrue();
        assertThat(resources.path("summary").path("target").path("cpu").path("samples").asInt())
                .isEqualTo(samples.size());

        JsonNode summary = json.readTree(outcome.runDirectory().resolve("summary.json").toFile());
        assertThat(summary.path("resources").path("summary").path("machine").path("memory").path("max").isNumber())
                .isTrue();
        assertThat(summary.path("resources").path("sampleCount").asInt()).isEqualTo(samples.size());
        assertThat(summary.path("resources").has("samples")).as("the samples are in resources.json only").isFalse();
        assertThat(summary.path("generator").path("saturated").isBoolean()).isTrue();

        assertThat(console.lines).anyMatch(l -> l.startsWith("    machine: cpu "));
        assertThat(console.lines).anyMatch(l -> l.startsWith("    generator: cpu "));
        assertThat(console.lines).anyMatch(l -> l.startsWith("    target (pid ") && l.contains("connections"));
        assertThat(console.lines).anyMatch(l -> l.startsWith("    monitor's own CPU: "));
    }
}
