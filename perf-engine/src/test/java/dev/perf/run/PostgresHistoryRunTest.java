package dev.perf.run;

import dev.perf.analysis.Verdict;
import dev.perf.engine.EngineOptions;
import dev.perf.history.HistoryCredentials;
import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.report.ResultJson;
import dev.perf.result.Invocation;
import dev.perf.testing.PostgresServer;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * perf:run with its history on a PostgreSQL server (started by the test): runs recorded there, relative thresholds
 * judged against them as on SQLite; and a server that cannot be reached, which fails the build unless the history is
 * not required, while the run's own results are written either way.
 */
@Timeout(180)
class PostgresHistoryRunTest {
    private static final HistoryCredentials CREDENTIALS = new HistoryCredentials(PostgresServer.USER,
            PostgresServer.PASSWORD);
    @TempDir
    Path dir;

    private RunOptions options(TestServer server, HistoryOptions history) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/shared.yaml"), """
                name: shared
                target: { baseUrl: "http://127.0.0.1:${port}" }
                requests: [ { name: home, path: / } ]
                load: { concurrency: 2, iterations: 40 }
                monitor: { enabled: false }
                thresholds: [ "p95 <= baseline * 20" ]
                """);
        return new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port())), Map.of("GIT_BRANCH", "main"),
                EngineOptions.defaults().withIoThreads(1), null, history);
    }

    @Test
    void runsAreRecordedOnTheServerAndBecomeTheBaseline() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        try (TestServer server = new TestServer().delayMillis(2)) {
            RunOptions options = options(server, new HistoryOptions(url, "dev.perf:test:1", dir, 0, 0, 5)
                    .withCredentials(CREDENTIALS));
            RecordingConsole console = new RecordingConsole();
            for (int i = 0; i < 3; i++) {
                RunReport run = new PerfRunner(console).run(options);
                assertThat(run.problems()).isEmpty();
                assertThat(run.outcomes().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            }
            RunReport fourth = new PerfRunner(console).run(options);
            assertThat(fourth.outcomes().get(0).verdict()).isEqualTo(Verdict.PASSED);
            assertThat(fourth.outcomes().get(0).thresholds().get(0).note()).contains("median of 3 runs");
            assertThat(console.lines).filteredOn(l -> l.equals("  history: recorded in " + url)).hasSize(4);
            assertThat(String.join("\n", console.lines)).doesNotContain(PostgresServer.PASSWORD);
        }
        try (HistoryStore store = HistoryStore.open(url, CREDENTIALS)) {
            HistoryQuery query = new HistoryQuery(store);
            assertThat(query.trend("shared", "ALL", 0, 0, HistoryQuery.Grouping.RUN, Instant.now()))
                    .hasSize(4).allSatisfy(p -> assertThat(p.count()).isEqualTo(40));
            assertThat(query.trend("shared", "ALL", 0, 0, HistoryQuery.Grouping.DAY, Instant.now()))
                    .singleElement().satisfies(p -> assertThat(p.count()).isEqualTo(160));
        }
    }

    @Test
    void anUnreachableServerFailsTheBuildUnlessNotRequiredAndTheResultsAreWrittenEitherWay() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:" + closed + "/perf";
        HistoryOptions history = new HistoryOptions(nowhere, null, dir, 0, 0, 5).withCredentials(CREDENTIALS);
        try (TestServer server = new TestServer()) {
            RecordingConsole console = new RecordingConsole();
            RunReport required = new PerfRunner(console).run(options(server, history));
            assertThat(required.passed()).isFalse();
            assertThat(required.problems()).singleElement().asString().contains("was not recorded")
                    .contains(nowhere);
            assertThat(console.lines).anyMatch(w -> w.startsWith("WARN ") && w.contains("cannot connect to " + nowhere)
                    && w.contains("127.0.0.1:" + closed));
            Path results = required.outcomes().get(0).runDirectory();
            assertThat(results.resolve("summary.json")).exists();
            assertThat(ResultJson.read(dir.resolve("out/summary.json"), Invocation.class).verdict()).isEqualTo("failed");

            RecordingConsole relaxed = new RecordingConsole();
            RunReport notRequired = new PerfRunner(relaxed).run(options(server, history.withRequired(false)));
            assertThat(notRequired.problems()).isEmpty();
            assertThat(notRequired.outcomes().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(relaxed.lines).anyMatch(w -> w.startsWith("WARN ") && w.contains("perf.historyRequired=false"));
            assertThat(notRequired.outcomes().get(0).runDirectory().resolve("summary.json")).exists();
            assertThat(String.join("\n", console.lines) + String.join("\n", relaxed.lines))
                    .doesNotContain(PostgresServer.PASSWORD);
        }
    }
}
