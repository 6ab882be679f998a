package dev.perf.dashboard;

import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.track.TrackSettings;
import dev.perf.track.TrackedHistory;
import dev.perf.track.TrackedRun;
import dev.perf.track.TrackedRunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Operations tracked in tests (perf-junit) have their own section, run pages with their cost, and cost trends. */
class TrackedDashboardTest {
    private static final String TEST = "Customer<b>Client</b>Test";
    @TempDir
    Path dir;

    @Test
    void trackedTestsHaveTheirOwnSectionRunPagesAndCostTrends() throws Exception {
        Path output = dir.resolve("perf");
        TrackSettings settings = new TrackSettings(true, dir.resolve("history.db").toString(), output, dir, 5, null,
                false);
        byte[][] kept = new byte[1][];
        for (int r = 0; r < 3; r++) {
            TrackedRun run = new TrackedRun(TEST);
            for (int e = 0; e < 10; e++) {
                TrackedRun.Execution execution = TrackedRun.begin();
                kept[0] = new byte[64 * 1024];
                execution.end(run, "create-customer", e == 9 ? new IllegalStateException("HTTP 500 <i>oops</i>") : null);
            }
            try (TrackedHistory history = new TrackedHistory(settings, TEST, message -> { })) {
                TrackedRunReport.finish(run, "dev.example.CustomerClientTest", List.of(), List.of(), null, settings,
                        history, message -> { });
            }
        }
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db").toString())) {
            new Dashboard().render(output, new HistoryQuery(store));
        }

        String index = Files.readString(output.resolve("index.html"));
        assertThat(index).contains("<h2>Tracked tests</h2>").contains("Customer&lt;b&gt;Client&lt;/b&gt;Test")
                .doesNotContain("<b>Client</b>").contains("<td class=\"num\">10</td>");
        assertThat(index.substring(index.indexOf("<h2>Scenarios</h2>"), index.indexOf("<h2>Tracked tests</h2>")))
                .as("not among the load scenarios").doesNotContain("Client");
        Path runPage;
        try (var files = Files.list(output)) {
            runPage = files.filter(p -> p.getFileName().toString().contains("Customer")).sorted().toList().get(2)
                    .resolve("index.html");
        }
        String run = Files.readString(runPage);
        assertThat(run).contains("<h2>Operations</h2>").contains("Duration in ms of each execution")
                .contains("<th scope=\"col\">operation</th><th scope=\"col\" class=\"num\">executions</th>")
                .contains("<h2>Cost per execution</h2>").contains("IllegalStateException: HTTP 500 &lt;i&gt;oops")
                .contains("<td>create-customer</td><td class=\"num\">10</td>")
                .contains("aria-label=\"Duration over time\"").doesNotContain("Latency over time");
        String trend;
        try (var files = Files.list(output.resolve("trends"))) {
            trend = Files.readString(files.findFirst().orElseThrow());
        }
        assertThat(trend).contains("CPU time per execution across runs").contains("Heap allocated per execution")
                .doesNotContain("Throughput across runs").doesNotContain("Target memory");
    }
}
