package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.metrics.Histograms;
import dev.perf.testing.TestServer;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class PerfRunnerTest {
    @TempDir
    Path dir;
    private final RecordingConsole recording = new RecordingConsole();
    private final List<String> console = recording.lines;
    private final PerfRunner runner = new PerfRunner(recording);

    private RunOptions options(String filter, int port) {
        return new RunOptions(dir.resolve("perf"), filter, dir.resolve("out"), null, Map.of("port", Integer.toString(port)),
                Map.of(), EngineOptions.defaults().withIoThreads(1), null);
    }

    private void scenario(String file, String yaml) throws IOException {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf").resolve(file), yaml);
    }

    private static final String VALID = """
            name: %s
            target: { baseUrl: "http://127.0.0.1:${port}" }
            requests: [ { name: home, path: / } ]
            load: { concurrency: 2, iterations: 30 }
            thresholds: [ "success-rate >= 99%%", "p99 <= 10s" ]
            """;

    @Test
    void anInvalidScenarioStopsEveryScenarioBeforeAnyRequestIsSent() throws Exception {
        try (TestServer server = new TestServer()) {
            scenario("a-valid.yaml", VALID.formatted("valid"));
            scenario("b-invalid.yaml", """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 10/s, duration: 1x }
                    """);
            RunReport report = runner.run(options(null, server.port()));
            assertThat(report.valid()).isFalse();
            assertThat(report.passed()).isFalse();
            assertThat(report.invalid()).singleElement().satisfies(e ->
                    assertThat(e.getMessage()).contains("b-invalid.yaml:3:31: load.duration: '1x' is not a duration"));
            assertThat(server.requestCount()).isZero();
            assertThat(dir.resolve("out")).doesNotExist();
        }
    }

    @Test
    void anInvalidScenarioReplacesTheVerdictAnEarlierRunLeft() throws Exception {
        try (TestServer server = new TestServer()) {
            scenario("a-valid.yaml", VALID.formatted("valid"));
            assertThat(runner.run(options(null, server.port())).passed()).isTrue();
            assertThat(VerdictFile.read(dir.resolve("out")).passes()).isTrue();
            scenario("b-invalid.yaml", """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 10/s, duration: 1x }
                    """);
            assertThat(runner.run(options(null, server.port())).valid()).isFalse();
            VerdictFile verdict = VerdictFile.read(dir.resolve("out"));
            assertThat(verdict.passes()).isFalse();
            assertThat(verdict.failures()).containsExactly("1 scenario file(s) invalid: nothing was sent (see perf:validate)");
            assertThat(dir.resolve("out/junit.xml")).doesNotExist();
        }
    }

    @Test
    void aRunThatCannotBeRecordedInTheHistoryFailsTheInvocationInsteadOfBeingLostSilently() throws Exception {
        try (TestServer server = new TestServer()) {
            scenario("a-valid.yaml", VALID.formatted("valid"));
            // a folder where the history file should be: SQLite cannot open it
            Path history = Files.createDirectories(dir.resolve("history.db"));
            RunReport report = runner.run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                    Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults().withIoThreads(1),
                    null, new HistoryOptions(history.toString(), null, dir, 0, 0, 5)));
            assertThat(report.outcomes().get(0).failed()).as("the run itself passed").isFalse();
            assertThat(report.passed()).isFalse();
            assertThat(report.problems()).singleElement().asString().contains("was not recorded")
                    .contains("could not be opened").contains("-Dperf.history=off");
            JsonNode index = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
            assertThat(index.get("verdict").asText()).isEqualTo("failed");
            assertThat(VerdictFile.read(dir.resolve("out")).failures()).singleElement().asString()
                    .contains("was not recorded");
        }
    }

    @Test
    void runsTheSelectedScenariosAndWritesTheirResults() throws Exception {
        try (TestServer server = new TestServer()) {
            scenario("orders.yaml", VALID.formatted("orders"));
            scenario("customers.yml", VALID.formatted("customers"));
            RunReport report = runner.run(options("customers", server.port()));
            assertThat(report.passed()).isTrue();
            assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.scenario().name()).isEqualTo("customers"));
            assertThat(server.requestCount()).isEqualTo(30);

            ObjectMapper json = new ObjectMapper();
            JsonNode index = json.readTree(dir.resolve("out/summary.json").toFile());
            assertThat(index.get("verdict").asText()).isEqualTo("passed");
            String runId = index.get("runs").get(0).get("runId").asText();
            JsonNode summary = json.readTree(dir.resolve("out").resolve(runId).resolve("summary.json").toFile());
            assertThat(summary.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(summary.get("overall").get("count").asLong()).isEqualTo(30);
            assertThat(summary.get("requests").get(0).get("latencyMs").get("p99").isNumber()).isTrue();
            assertThat(summary.get("thresholds")).hasSize(3); // and the default gate count >= 1
            // the latency histogram itself, for tools and the dashboard's merged "other" row
            Histogram latency = Histograms.decode(Base64.getDecoder().decode(summary.path("overall")
                    .path("latencyHistogram").asText()));
            assertThat(latency.getTotalCount()).isEqualTo(30);
            // the percentile spectrum: rising percentiles and values, ending at 100% with the maximum
            JsonNode spectrum = summary.path("overall").path("latencySpectrumMs");
            assertThat(spectrum.size()).isGreaterThan(10);
            for (int i = 1; i < spectrum.size(); i++) {
                assertThat(spectrum.get(i).get(0).asDouble()).isGreaterThan(spectrum.get(i - 1).get(0).asDouble());
                assertThat(spectrum.get(i).get(1).asDouble()).isGreaterThanOrEqualTo(spectrum.get(i - 1).get(1).asDouble());
            }
            assertThat(spectrum.get(spectrum.size() - 1).get(0).asDouble()).isEqualTo(100.0);
            assertThat(spectrum.get(spectrum.size() - 1).get(1).asDouble())
                    .isEqualTo(summary.path("overall").path("latencyMs").path("max").asDouble());
            // every response is counted by status in the interval it arrived in
            long byStatus = 0;
            for (JsonNode point : summary.path("timeSeries").path("ALL")) {
                byStatus += point.path("statuses").path("200").asLong();
                assertThat(point.path("errors").isMissingNode()).isTrue();
            }
            assertThat(byStatus).isEqualTo(30);
            assertHlogHolds(dir.resolve("out").resolve(runId).resolve("latency.hlog"), 30);
            assertThat(console).anyMatch(line -> line.contains("PASS          success-rate >= 99%"));
        }
    }

    @Test
    void everyScenarioRunsThenOneCombinedVerdict() throws Exception {
        try (TestServer server = new TestServer()) {
            scenario("a.yaml", VALID.formatted("a-fails").replace("p99 <= 10s", "p99 <= 1us"));
            scenario("b.yaml", VALID.formatted("b-passes"));
            RunReport report = runner.run(options(null, server.port()));
            assertThat(report.outcomes()).extracting(o -> o.scenario().name() + ":" + !o.failed())
                    .containsExactly("a-fails:false", "b-passes:true");
            assertThat(report.passed()).isFalse();
            assertThat(server.requestCount()).isEqualTo(60);
            JsonNode index = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
            assertThat(index.get("verdict").asText()).isEqualTo("failed");
            assertThat(index.get("runs")).hasSize(2);
            assertThat(index.get("runs").get(0).get("breaches").get(0).asText()).startsWith("p99 <= 1us  (measured ");
        }
    }

    /** The interval log is a standard HdrHistogram log: merged, its intervals give back every response. */
    private static void assertHlogHolds(Path hlog, long responses) throws IOException {
        Histogram all = new Histogram(3);
        Histogram home = new Histogram(3);
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        EncodableHistogram interval;
        while ((interval = reader.nextIntervalHistogram()) != null) {
            Histogram h = (Histogram) interval;
            (h.getTag() == null ? all : home).add(h);
        }
        assertThat(all.getTotalCount()).isEqualTo(responses);
        assertThat(home.getTotalCount()).isEqualTo(responses);
    }

    @Test
    void failuresAreCountedByStatusAndKindInTheIntervalTheyHappened() throws Exception {
        try (TestServer server = new TestServer().status(503)) {
            scenario("failing.yaml", VALID.formatted("failing"));
            RunReport report = runner.run(options(null, server.port()));
            assertThat(report.passed()).isFalse();
            JsonNode summary = new ObjectMapper().readTree(report.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            long statuses = 0;
            long failures = 0;
            for (JsonNode point : summary.path("timeSeries").path("ALL")) {
                statuses += point.path("statuses").path("503").asLong();
                failures += point.path("errors").path("status").asLong();
                assertThat(point.path("errors").path("status").asLong()).isEqualTo(point.path("failed").asLong());
            }
            assertThat(statuses).isEqualTo(30);
            assertThat(failures).isEqualTo(30);
            // per request, the series carries latency and counts only
            assertThat(summary.path("timeSeries").path("home").get(0).has("statuses")).isFalse();
        }
    }

    @Test
    void aThresholdOnARequestThatGotNoResponsesFailsWithNoData() throws Exception {
        try (TestServer server = new TestServer()) {
            scenario("rare.yaml", """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests:
                      - { name: common, path: /, weight: 1000 }
                      - { name: rare, path: /rare }
                    load: { concurrency: 1, iterations: 10 }
                    thresholds: [ "rare.p95 <= 10s" ]
                    """);
            RunReport report = runner.run(options(null, server.port()));
            assertThat(report.passed()).isFalse();
            assertThat(report.outcomes().get(0).breaches()).singleElement()
                    .satisfies(b -> assertThat(b.describe()).isEqualTo("rare.p95 <= 10s  (no data: no request completed for rare)"));
        }
    }

    @Test
    void aFilterThatMatchesNothingNamesWhatIsAvailable() throws Exception {
        scenario("orders.yaml", VALID.formatted("orders"));
        assertThatThrownBy(() -> runner.run(options("custmers", 1)))
                .isInstanceOf(PerfSetupException.class)
                .hasMessageContaining("no scenario matches perf.scenario=custmers; available: orders");
    }

    @Test
    void noScenarioFilesIsAClearError() {
        assertThatThrownBy(() -> runner.run(options(null, 1)))
                .isInstanceOf(PerfSetupException.class)
                .hasMessageContaining("no scenario files (*.yaml, *.yml) in");
    }
}
