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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C (here SIGTERM, which runs the same shutdown hooks) during a run: a child JVM runs a 60 s scenario, is
 * signalled after its first results, and must still write them, marked partial.
 */
@Timeout(60)
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void resultsGatheredBeforeTheSignalAreWrittenAndMarkedPartial() throws Exception {
        try (TestServer server = new TestServer()) {
            Path scenarios = Files.createDirectories(dir.resolve("perf"));
            Files.writeString(scenarios.resolve("long.yaml"), """
                    target: { baseUrl: %s }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 50/s, duration: 60s }
                    """.formatted(server.baseUrl()));
            Path out = dir.resolve("out");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Child.class.getName(), scenarios.toString(), out.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (server.requestCount() < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(server.requestCount()).as(Files.readString(dir.resolve("child.log"))).isGreaterThanOrEqualTo(100);
                child.destroy();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode index = json.readTree(out.resolve("summary.json").toFile());
            assertThat(index.get("status").asText()).isEqualTo("partial");
            JsonNode summary = json.readTree(out.resolve(index.get("runs").get(0).get("runId").asText())
                    .resolve("summary.json").toFile());
            assertThat(summary.get("status").asText()).isEqualTo("partial");
            assertThat(summary.get("overall").get("count").asLong()).isBetween(100L, server.requestCount());
        }
    }

    /** The child JVM: runs the scenarios in args[0], writing to args[1]. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            new PerfRunner(Console.SYSTEM).run(new RunOptions(Path.of(args[0]), null, Path.of(args[1]), null, Map.of(),
                    Map.of(), EngineOptions.defaults().withIoThreads(1), null));
        }
    }
}
