package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stepped tests end to end (YAML, engine, analysis, console, summary.json) against a server with a bounded worker
 * pool: 2 workers x 10 ms is a capacity of about 200 requests/s, and a request queued for more than 100 ms gets 503.
 */
@Timeout(60)
class SteppedRunTest {
    @TempDir
    Path dir;
    private final RecordingConsole recording = new RecordingConsole();
    private final List<String> console = recording.lines;
    private final PerfRunner runner = new PerfRunner(recording);

    private JsonNode run(TestServer server, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf").resolve("steps.yaml"), yaml);
        RunReport report = runner.run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults().withIoThreads(1),
                null));
        assertThat(report.outcomes()).hasSize(1);
        return new ObjectMapper().readTree(report.outcomes().get(0).runDirectory().resolve("summary.json").toFile());
    }

    private static TestServer saturatingServer() throws IOException {
        return TestServer.boundedPool(2, 100).delayMillis(10);
    }

    @Test
    void aScalabilityTestFindsTheBreakpointOfABoundedPool() throws Exception {
        try (TestServer server = saturatingServer()) {
            JsonNode summary = run(server, """
                    name: scalability
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: work, path: /work } ]
                    load: { rate: [50, 100, 150, 400, 600], stepDuration: 1500ms, warmup: 500ms }
                    thresholds: [ "breakpoint >= 300/s", "max-sustainable-rps <= 250" ]
                    """);

            JsonNode levels = summary.path("scalability").path("levels");
            assertThat(levels).hasSize(5);
            // every arrival of a level is counted in that level, even when its response came after the level ended
            assertThat(summary.path("stages").get(0).path("role").asText()).isEqualTo("warm-up");
            assertThat(summary.path("stages").get(0).path("overall").path("count").asLong()).isEqualTo(25);
            double[] rates = {50, 100, 150, 400, 600};
            for (int i = 0; i < 5; i++) {
                JsonNode stage = summary.path("stages").get(i + 1);
                assertThat(stage.path("level").asInt()).isEqualTo(i + 1);
                long arrivals = stage.path("overall").path("count").asLong() + stage.path("overall").path("dropped").asLong();
                assertThat(arrivals).as("arrivals of level %d", i + 1).isEqualTo((long) (rates[i] * 1.5));
            }
            for (int i = 0; i < 3; i++) {
                // 100% unless a pause of the shared test JVM makes the server shed a few
                assertThat(levels.get(i).path("successRate").asDouble()).as("level %d", i + 1).isGreaterThan(95.0);
            }
            JsonNode breakpoint = summary.path("scalability").path("breakpoint");
            assertThat(breakpoint.path("status").asText()).isEqualTo("found");
            assertThat(breakpoint.path("load").asDouble()).isBetween(400.0, 600.0);
            // the pool cannot deliver more than ~200 successes/s, whatever is offered
            JsonNode sustainable = summary.path("scalability").path("maxSustainable");
            assertThat(sustainable.path("value").asDouble()).isBetween(45.0, 250.0);
            assertThat(summary.path("scalability").path("latencySlope").path("avg").path("slope").isNumber()).isTrue();
            assertThat(summary.path("thresholds")).allSatisfy(t -> assertThat(t.path("passed").asBoolean())
                    .as(t.toString()).isTrue());

            assertThat(console).anyMatch(l -> l.startsWith("  warm-up  50/s for 500ms: "));
            assertThat(console).anyMatch(l -> l.matches("  level 1/5  50/s: \\d+ responses .*"));
            assertThat(console).anyMatch(l -> l.startsWith("  level 5/5  600/s: "));
            assertThat(console).anyMatch(l -> l.startsWith("    breakpoint:            ") && l.contains("(when success-rate < 90%)"));
            assertThat(console).anyMatch(l -> l.matches("    PASS          breakpoint >= 300/s  \\(measured [46]00/s\\)"));
        }
    }

    @Test
    void stopWhenStopsEscalatingOnceTheTargetHasBroken() throws Exception {
        try (TestServer server = saturatingServer()) {
            JsonNode summary = run(server, """
                    name: stop-early
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: work, path: /work } ]
                    load: { rate: [50, 600, 800], stepDuration: 1s, warmup: 1s, stopWhen: "success-rate < 90%" }
                    """);

            JsonNode stop = summary.path("scalability").path("stoppedEarly");
            assertThat(stop.path("level").asInt()).isEqualTo(2);
            assertThat(stop.path("condition").asText()).isEqualTo("success-rate < 90%");
            assertThat(summary.path("stages").get(3).path("ran").asBoolean()).isFalse();
            assertThat(summary.path("stages").get(3).has("overall")).isTrue();
            assertThat(summary.path("stages").get(3).path("overall").path("count").asLong()).isZero();
            // 50 (the warm-up, which a cold in-process server needs not to shed at 50/s) + 50 + 600 arrivals were
            // offered; the 800/s level never sent anything
            assertThat(server.requestCount()).isLessThanOrEqualTo(700);
            assertThat(summary.path("scalability").path("breakpoint").path("level").asInt()).isEqualTo(2);
            assertThat(console).anyMatch(l -> l.startsWith("  stopWhen 'success-rate < 90%' held at level 2 (600/s, "
                    + "measured ") && l.endsWith("): not escalating further"));
            assertThat(console).anyMatch(l -> l.matches("    3\\s+800/s\\s+not run"));
        }
    }

    @Test
    void aStressTestStepsUsersAndFitsTheScalabilityLaw() throws Exception {
        try (TestServer server = TestServer.boundedPool(2, Long.MAX_VALUE).delayMillis(20)) {
            JsonNode summary = run(server, """
                    name: stress
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: work, path: /work } ]
                    load: { concurrency: [1, 2, 4, 8], stepDuration: 1s, pause: 200ms }
                    thresholds: [ "usl.r2 > 0.5" ]
                    """);

            JsonNode levels = summary.path("scalability").path("levels");
            double one = levels.get(0).path("throughput").asDouble();
            double two = levels.get(1).path("throughput").asDouble();
            double eight = levels.get(3).path("throughput").asDouble();
            // two workers: doubling users from 1 to 2 nearly doubles throughput; beyond 2 it saturates
            assertThat(two).isGreaterThan(1.6 * one);
            assertThat(eight).isLessThan(1.3 * two);
            assertThat(levels.get(3).path("avgMs").asDouble()).isGreaterThan(2.5 * levels.get(1).path("avgMs").asDouble());
            JsonNode usl = summary.path("scalability").path("usl");
            assertThat(usl.path("fitted").asBoolean()).as(usl.toString()).isTrue();
            assertThat(usl.path("sigma").asDouble()).isGreaterThan(0.05);
            assertThat(usl.path("peakConcurrency").asDouble()).as(usl.toString()).isBetween(1.5, 16.0);
            assertThat(summary.path("stages")).hasSize(7);
            assertThat(summary.path("stages").get(1).path("type").asText()).isEqualTo("pause");
            assertThat(summary.path("verdict").asText()).isEqualTo("passed");
            assertThat(console).anyMatch(l -> l.startsWith("    USL:                   lambda "));
        }
    }
}
