package dev.perf.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.RecordingConsole;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey sample as a user runs it, through the engine, against the demo service: every iteration creates a
 * customer from a CSV record, reads it through the captured Location, updates and deletes it by the captured id.
 */
@Timeout(60)
class CustomerJourneyTest {
    @TempDir
    Path out;

    @Test
    void everyCustomerAJourneyCreatesIsReadUpdatedAndDeletedThroughItsCapturedId() throws Exception {
        try (DemoServer.Running demo = DemoServer.start(0, 4, 2, 250)) {
            RecordingConsole console = new RecordingConsole();
            List<String> lines = console.lines;
            RunReport report = new PerfRunner(console).run(new RunOptions(Path.of("src/test/perf"), "customer-journey",
                    out, null, Map.of("demo.port", Integer.toString(demo.port()), "journeyDuration", "2s"),
                    Map.of("DEMO_TOKEN", "t0ken-never-shown"), EngineOptions.defaults().withIoThreads(1), null));
            assertThat(report.invalid()).isEmpty();
            assertThat(report.passed()).as(String.join("\n", lines)).isTrue();
            JsonNode summary = new ObjectMapper().readTree(report.outcomes().get(0).runDirectory()
                    .resolve("summary.json").toFile());
            long created = 0;
            long deleted = 0;
            for (JsonNode request : summary.path("requests")) {
                assertThat(request.path("failed").asLong()).as(request.path("name").asText()).isZero();
                if (request.path("name").asText().equals("create")) {
                    created = request.path("ok").asLong();
                }
                if (request.path("name").asText().equals("delete")) {
                    deleted = request.path("ok").asLong();
                }
            }
            assertThat(created).isPositive();
            // each read found its customer, each delete removed it: the journeys deleted every customer they made
            // (which only the ids they captured could do: a wrong id reads 404 and fails the step), except those of
            // the iterations the end of the load cut short, at most one per user, each counted
            long cutShort = summary.path("generator").path("iterationsCutShort").asLong();
            assertThat(cutShort).isBetween(0L, 8L);
            assertThat(demo.customerCount()).isEqualTo(100 + created - deleted);
            assertThat(created - deleted).isBetween(0L, cutShort);
            assertThat(summary.path("flows").get(0).path("ok").asLong()).isEqualTo(deleted);
            assertThat(String.join("\n", lines)).doesNotContain("t0ken-never-shown");
        }
    }
}
