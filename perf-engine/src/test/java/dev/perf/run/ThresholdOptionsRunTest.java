package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Thresholds in their object form: abort the run when one breaks (k6's abortOnFail), or wait for enough samples. */
@Timeout(60)
class ThresholdOptionsRunTest {
    @TempDir
    Path dir;
    private final RecordingConsole console = new RecordingConsole();

    private RunReport run(TestServer server, String load, String thresholds) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/options.yaml"), """
                name: options
                target: { baseUrl: "http://127.0.0.1:${port}" }
                requests: [ { name: home, path: / } ]
                load: %s
                monitor: { enabled: false }
                thresholds:
                %s
                """.formatted(load, thresholds.indent(2).stripTrailing()));
        RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults().withIoThreads(1),
                null));
        assertThat(report.invalid()).isEmpty();
        return report;
    }

    @Test
    void aThresholdMarkedAbortStopsTheRunAsSoonAsItBreaks() throws Exception {
        try (TestServer server = new TestServer().delayMillis(40)) {
            RunReport report = run(server, "{ rate: 40/s, duration: 10s }",
                    "- { threshold: \"p95 <= 10ms\", abort: true, minSamples: 20 }\n- success-rate >= 99%");
            assertThat(report.passed()).isFalse();
            var outcome = report.outcomes().get(0);
            assertThat(outcome.run().partial()).isTrue();
            assertThat(outcome.run().stopReason()).startsWith("threshold 'p95 <= 10ms' (abort: true) broke after ");
            // stopped within a few seconds of 10: far fewer than the 400 planned arrivals were sent
            assertThat(server.requestCount()).isLessThan(200);
            assertThat(console.lines).anyMatch(l -> l.startsWith("  STOPPED EARLY: threshold 'p95 <= 10ms'"));
            assertThat(outcome.failures()).anyMatch(f -> f.startsWith("stopped early: threshold 'p95 <= 10ms'"));
        }
    }

    @Test
    void apdexScoresSuccessesAgainstItsTargetAndFailuresAsFrustrated() throws Exception {
        try (TestServer server = new TestServer().delayMillis(5)) {
            RunReport report = run(server, "{ concurrency: 1, iterations: 20 }",
                    "- apdex(500ms) == 1\n- apdex(1ms) == 0\n- home.apdex(500ms) >= 0.9");
            assertThat(report.passed()).as(String.join("\n", console.lines)).isTrue();
        }
        try (TestServer failing = new TestServer().status(503)) {
            RunReport report = run(failing, "{ concurrency: 1, iterations: 20 }", "- apdex(500ms) == 0");
            JsonNode summary = new ObjectMapper().readTree(report.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            assertThat(summary.path("thresholds").get(0).path("passed").asBoolean())
                    .as("fast failures are frustrated: " + summary.path("thresholds")).isTrue();
        }
    }

    @Test
    void tooFewSamplesAreNotJudgedEitherWay() throws Exception {
        try (TestServer server = new TestServer()) {
            RunReport report = run(server, "{ concurrency: 1, iterations: 5 }",
                    "- { threshold: \"p99 <= 1us\", minSamples: 100 }\n- { threshold: \"count >= 5\", minSamples: 5 }");
            assertThat(report.passed()).as("an unjudged threshold neither passes nor fails the run").isTrue();
            JsonNode summary = new ObjectMapper().readTree(report.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            JsonNode notJudged = summary.path("thresholds").get(0);
            assertThat(notJudged.path("judged").asBoolean()).isFalse();
            assertThat(notJudged.path("note").asText()).isEqualTo("only 5 responses, fewer than minSamples 100: not judged");
            assertThat(summary.path("thresholds").get(1).path("judged").asBoolean()).isTrue();
            assertThat(summary.path("thresholds").get(1).path("passed").asBoolean()).isTrue();
        }
    }
}
