package dev.perf.run;

import dev.perf.analysis.Verdict;
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

/**
 * The verdict rules end to end (YAML -> engine -> verdict, against a loopback server): a run passes only when it
 * measured what it set out to measure.
 */
@Timeout(60)
class VerdictRulesRunTest {
    @TempDir
    Path dir;

    private RunReport run(String yaml, TestServer server) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        try (var old = Files.list(scenarios)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(scenarios.resolve("s.yaml"), yaml.replace("BASE", server.baseUrl()));
        return new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null, dir.resolve("out"), null,
                Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
    }

    @Test
    void aScenarioWithoutThresholdsFailsWhenEveryRequestFails() throws Exception {
        try (TestServer server = new TestServer().status(503)) {
            RunReport report = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 2, iterations: 20 }
                    """, server);
            ScenarioOutcome outcome = report.outcomes().get(0);
            assertThat(report.passed()).isFalse();
            assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(outcome.failures()).containsExactly(
                    "breach: error-rate <= 1% (default gate)  (measured 100.00%)");
            JsonNode summary = new ObjectMapper().readTree(outcome.runDirectory().resolve("summary.json").toFile());
            assertThat(summary.path("verdict").asText()).isEqualTo("failed");
            assertThat(summary.path("thresholds")).anySatisfy(t -> {
                assertThat(t.path("gate").asBoolean()).isTrue();
                assertThat(t.path("state").asText()).isEqualTo("failed");
            });
        }
    }

    @Test
    void theErrorGateCanBeChangedOrTurnedOffInTheScenario() throws Exception {
        try (TestServer server = new TestServer().status(503)) {
            RunReport off = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 1, iterations: 5 }
                    verdict: { maxErrorRate: off }
                    """, server);
            assertThat(off.passed()).as("the user turned the gate off").isTrue();
            RunReport ownThreshold = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 1, iterations: 5 }
                    thresholds: [ "success-rate >= 0%" ]
                    """, server);
            assertThat(ownThreshold.outcomes().get(0).thresholds()).extracting(t -> t.threshold().expression())
                    .containsExactly("success-rate >= 0%", "count >= 1 (default gate)");
        }
    }

    @Test
    void latencyThresholdsJudgeSuccessfulResponsesSoFastFailuresCannotPass() throws Exception {
        try (TestServer server = new TestServer().status(503)) {
            RunReport report = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 1, iterations: 10 }
                    verdict: { maxErrorRate: off }
                    thresholds:
                      - p95 <= 1s
                      - { threshold: "p99 <= 1s", responses: all }
                    """, server);
            ScenarioOutcome outcome = report.outcomes().get(0);
            assertThat(outcome.thresholds().get(0).breached()).isTrue();
            assertThat(outcome.thresholds().get(0).describe())
                    .isEqualTo("p95 <= 1s  (no data: no successful response (10 failed))");
            assertThat(outcome.thresholds().get(1).passed()).as("asked for every response").isTrue();
        }
    }

    @Test
    void arrivalsDroppedAtMaxInFlightFailTheRunByDefault() throws Exception {
        // one request at the server at a time, each 100 ms: 10/s of 20/s go out; 20 (a second's worth) wait for them,
        // and the rest are dropped
        try (TestServer server = new TestServer().delayMillis(100)) {
            RunReport report = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 20/s, duration: 3s, maxInFlight: 1 }
                    thresholds: [ "success-rate >= 99%" ]
                    """, server);
            ScenarioOutcome outcome = report.outcomes().get(0);
            assertThat(outcome.run().metrics().overall().dropped()).isPositive();
            assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
            assertThat(outcome.failures()).anySatisfy(f -> assertThat(f)
                    .startsWith("breach: dropped-rate <= 0% (default gate)  (measured "));

            RunReport tolerated = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 20/s, duration: 3s, maxInFlight: 1 }
                    thresholds: [ "success-rate >= 99%" ]
                    verdict: { maxDropped: 100% }
                    """, server);
            assertThat(tolerated.outcomes().get(0).failures()).isEmpty();
        }
    }
}
