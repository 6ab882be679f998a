package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.CustomerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV feeders through YAML, the engine and a server on loopback: each order, each sharing, and running out. */
@Timeout(60)
class FeederRunTest {
    @TempDir
    Path dir;
    private final RecordingConsole console = new RecordingConsole();

    private RunReport run(CustomerServer server, String feeder, String load) throws Exception {
        Files.createDirectories(dir.resolve("perf/data"));
        Files.writeString(dir.resolve("perf/data/users.csv"), "user,tier\nada,gold\n\"grace, h\",silver\nlinus,bronze\n");
        Files.writeString(dir.resolve("perf/feed.yaml"), """
                target: { baseUrl: "http://127.0.0.1:${port}" }
                feeders:
                  users: %s
                requests:
                  - { name: lookup, path: "/lookup/${user}", query: { tier: "${tier}" }, expect: { status: 404 } }
                load: %s
                monitor: { enabled: false }
                """.formatted(feeder, load));
        RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults().withIoThreads(1),
                null));
        assertThat(report.invalid()).isEmpty();
        return report;
    }

    private static List<String> users(CustomerServer server) {
        return server.seen().stream().map(l -> l.substring("GET /lookup/".length())).toList();
    }

    @Test
    void aSequentialFeederGivesEachRecordOnceThenStopsTheRunAndSaysSo() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            RunReport report = run(server, "{ file: data/users.csv }", "{ concurrency: 1, iterations: 10 }");
            assertThat(users(server)).containsExactly("ada", "grace, h", "linus");
            assertThat(report.passed()).as("a run that could not run its plan fails").isFalse();
            JsonNode summary = new ObjectMapper().readTree(report.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            assertThat(summary.path("status").asText()).isEqualTo("partial");
            assertThat(summary.path("stopReason").asText()).isEqualTo("feeder 'users' (users.csv) ran out after its 3 "
                    + "records; a sequential feeder never repeats a record: add records, or use order: circular");
            assertThat(console.lines).anyMatch(l -> l.startsWith("  STOPPED EARLY: feeder 'users' (users.csv) ran out"));
        }
    }

    @Test
    void aCircularFeederStartsOverAndTheRunCompletes() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            RunReport report = run(server, "{ file: data/users.csv, order: circular }", "{ concurrency: 1, iterations: 7 }");
            assertThat(users(server)).containsExactly("ada", "grace, h", "linus", "ada", "grace, h", "linus", "ada");
            assertThat(report.passed()).isTrue();
        }
    }

    @Test
    void aRandomFeederDrawsFromAllRecords() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            run(server, "{ file: data/users.csv, order: random }", "{ concurrency: 1, iterations: 60 }");
            assertThat(users(server)).hasSize(60).containsOnly("ada", "grace, h", "linus")
                    .contains("ada", "grace, h", "linus");
        }
    }

    @Test
    void perUserEachVirtualUserKeepsTheRecordItTookFirst() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            run(server, "{ file: data/users.csv, share: per-user }", "{ concurrency: 2, iterations: 40 }");
            // two users take one record each and keep it: the third record is never used, nothing runs out
            assertThat(users(server)).hasSize(40).containsOnly("ada", "grace, h").contains("ada", "grace, h");
        }
    }
}
