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
import java.sql.DriverManager;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The environment -Dperf.env chose is kept with the run, and baselines come from runs in the same environment. */
@Timeout(60)
class EnvironmentRunTest {
    @TempDir
    Path dir;

    @Test
    void runsInOneEnvironmentAreNotTheBaselineOfAnother() throws Exception {
        try (TestServer server = new TestServer()) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/api.yaml"), """
                    name: api
                    environments:
                      staging: { baseUrl: "http://127.0.0.1:${port}" }
                      perf-lab: { baseUrl: "http://localhost:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 1, iterations: 10 }
                    monitor: { enabled: false }
                    thresholds: [ "p95 <= baseline * 100" ]
                    """);
            String db = dir.resolve("history.db").toString();
            RecordingConsole console = new RecordingConsole();

            RunReport staging1 = run(console, server, db, "staging");
            for (int i = 0; i < 2; i++) {
                run(console, server, db, "staging");
            }
            RunReport staging4 = run(console, server, db, "staging");
            RunReport lab = run(console, server, db, "perf-lab");

            assertThat(staging1.outcomes().get(0).thresholds().get(0).judged()).isFalse();
            assertThat(staging4.outcomes().get(0).thresholds().get(0).judged()).as("staging's first three runs")
                    .isTrue();
            assertThat(lab.outcomes().get(0).thresholds().get(0).judged()).as("no perf-lab run before").isFalse();
            assertThat(lab.outcomes().get(0).thresholds().get(0).note()).contains("in environment perf-lab");
            JsonNode summary = new ObjectMapper().readTree(lab.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            assertThat(summary.path("environment").asText()).isEqualTo("perf-lab");
            assertThat(console.lines).anyMatch(l -> l.startsWith("Running api: ") && l.endsWith("(environment perf-lab)"));
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
                 var r = c.createStatement().executeQuery("SELECT group_concat(environment, ',') FROM runs")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo("staging,staging,staging,staging,perf-lab");
            }
        }
    }

    private RunReport run(RecordingConsole console, TestServer server, String db, String environment)
            throws Exception {
        return new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port()), "perf.env", environment), Map.of("GIT_BRANCH", "main"),
                EngineOptions.defaults().withIoThreads(1), null, new HistoryOptions(db, "dev.perf:test:1", dir, 0, 0, 5)));
    }
}
