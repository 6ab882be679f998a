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

/**
 * Thresholds judged on part of a run, against a service that stalls for 600 ms early on: the whole run and its worst
 * one-second window see the stall, the part after it does not.
 */
@Timeout(60)
class PartialThresholdsRunTest {
    @TempDir
    Path dir;

    @Test
    void afterAWarmUpTheStallIsIgnoredAndTheWorstWindowShowsIt() throws Exception {
        try (TestServer server = new TestServer().stallAfterFirstRequest(1500, 600)) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/partial.yaml"), """
                    name: partial
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 50/s, duration: 4s }
                    monitor: { enabled: false }
                    thresholds:
                      - p99 <= 300ms
                      - { threshold: "p99 <= 300ms", after: 2500ms }
                      - max <= 300ms over 1s
                      - { threshold: "home.p50 <= 300ms", over: 10s }
                    """);
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of("port", Integer.toString(server.port())), Map.of(),
                    EngineOptions.defaults().withIoThreads(1), null));
            JsonNode thresholds = new ObjectMapper().readTree(report.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile()).path("thresholds");

            assertThat(thresholds.get(0).path("passed").asBoolean()).as("the whole run saw the stall").isFalse();

            JsonNode after = thresholds.get(1);
            assertThat(after.path("expression").asText()).isEqualTo("p99 <= 300ms after 2.5s");
            assertThat(after.path("passed").asBoolean()).as("after the stall: " + after).isTrue();
            assertThat(after.path("actual").asDouble()).isLessThan(300);

            JsonNode window = thresholds.get(2);
            assertThat(window.path("expression").asText()).isEqualTo("max <= 300ms over 1s");
            assertThat(window.path("passed").asBoolean()).isFalse();
            assertThat(window.path("actual").asDouble()).isGreaterThan(300);
            assertThat(window.path("note").asText()).startsWith("measured ").contains("in the worst 1s window, ending at ");

            JsonNode tooLong = thresholds.get(3);
            assertThat(tooLong.path("judged").asBoolean()).isFalse();
            assertThat(tooLong.path("note").asText()).isEqualTo("no whole 10s window: not judged");
        }
    }
}
