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
            Path scenarios = longScenario(server);
            Path out = dir.resolve("out");
            Process child = child(scenarios, out, null);
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

    @Test
    void aRunKilledWithSigkillLeavesNoPassingVerdictAndItsFolderIsMarkedCrashedByTheNextRun() throws Exception {
        try (TestServer server = new TestServer()) {
            Path scenarios = longScenario(server);
            Path out = Files.createDirectories(dir.resolve("out"));
            // what an earlier, passing invocation left
            Files.writeString(out.resolve("summary.json"), """
                    {"schemaVersion": 1, "verdict": "passed", "status": "completed", "runs": []}""");
            assertThat(VerdictFile.read(out).passes()).isTrue();
            Process child = child(scenarios, out, null);
            try {
                awaitRequests(server, 50, child);
                child.destroyForcibly(); // kill -9: no hook runs
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            VerdictFile verdict = VerdictFile.read(out);
            assertThat(verdict.passes()).isFalse();
            assertThat(verdict.failures()).singleElement().asString()
                    .contains("never finished: it was killed or crashed").contains("pid " + child.pid());
            Path runFolder;
            try (var folders = Files.list(out)) {
                runFolder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            ObjectMapper json = new ObjectMapper();
            assertThat(json.readTree(runFolder.resolve("summary.json").toFile()).get("status").asText())
                    .isEqualTo("running");

            Files.writeString(scenarios.resolve("long.yaml"), """
                    target: { baseUrl: %s }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 20/s, duration: 500ms }
                    """.formatted(server.baseUrl()));
            RunReport next = new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null, out, null,
                    Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
            assertThat(next.passed()).isTrue();
            JsonNode crashed = json.readTree(runFolder.resolve("summary.json").toFile());
            assertThat(crashed.get("status").asText()).isEqualTo("crashed");
            assertThat(crashed.get("note").asText()).contains("never ended");
            assertThat(VerdictFile.read(out).passes()).isTrue();
        }
    }

    @Test
    void ctrlCWhileTheRunWaitsForSlowResponsesWritesEveryResultWithinSeconds() throws Exception {
        try (TestServer server = new TestServer().delayMillis(25_000)) {
            Path scenarios = Files.createDirectories(dir.resolve("perf"));
            Files.writeString(scenarios.resolve("drain.yaml"), """
                    target: { baseUrl: %s }
                    defaults: { timeout: 40s }
                    flows:
                      - name: browse
                        think: 10m
                        steps:
                          - { name: home, path: / }
                          - { name: again, path: / }
                    load: { concurrency: 3, duration: 1s }
                    """.formatted(server.baseUrl()));
            Path out = dir.resolve("out");
            Path history = dir.resolve("history.db");
            Process child = child(scenarios, out, history);
            try {
                awaitRequests(server, 3, child);
                Thread.sleep(1500); // the load's second is over: the run now waits for the three slow responses
                long signalled = System.nanoTime();
                child.destroy();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled))
                        .as("exited within seconds of the signal, not after the 25 s responses").isLessThan(20);
            } finally {
                child.destroyForcibly();
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode index = json.readTree(out.resolve("summary.json").toFile());
            assertThat(index.get("status").asText()).isEqualTo("partial");
            assertThat(Files.readString(out.resolve("junit.xml"))).contains("classname=\"perf.drain\"");
            String runId = index.get("runs").get(0).get("runId").asText();
            assertThat(json.readTree(out.resolve(runId).resolve("summary.json").toFile()).get("generator")
                    .get("unfinished").asInt()).isEqualTo(3);
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + history);
                 var r = c.createStatement().executeQuery("SELECT run_id, verdict FROM runs")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(runId);
                assertThat(r.getString(2)).isEqualTo("partial");
            }
            assertThat(VerdictFile.read(out).passes()).isFalse();
        }
    }

    /** A minute of load at 50/s: longer than any test waits. */
    private Path longScenario(TestServer server) throws java.io.IOException {
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("long.yaml"), """
                target: { baseUrl: %s }
                requests: [ { name: home, path: / } ]
                load: { rate: 50/s, duration: 60s }
                """.formatted(server.baseUrl()));
        return scenarios;
    }

    private Process child(Path scenarios, Path out, Path history) throws java.io.IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Child.class.getName(), scenarios.toString(),
                out.toString()));
        if (history != null) {
            command.add(history.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    private void awaitRequests(TestServer server, int count, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (server.requestCount() < count && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(server.requestCount()).as(Files.readString(dir.resolve("child.log"))).isGreaterThanOrEqualTo(count);
    }

    /** The child JVM: runs the scenarios in args[0], writing to args[1], with the history in args[2] if given. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            HistoryOptions history = args.length > 2 ? new HistoryOptions(args[2], null, Path.of(args[1]), 0, 0, 5)
                    : null;
            new PerfRunner(Console.SYSTEM).run(new RunOptions(Path.of(args[0]), null, Path.of(args[1]), null, Map.of(),
                    Map.of(), EngineOptions.defaults().withIoThreads(1), null, history));
        }
    }
}
