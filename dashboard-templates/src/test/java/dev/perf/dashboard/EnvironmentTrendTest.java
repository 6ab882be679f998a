package dev.perf.dashboard;

import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.history.RunContext;
import dev.perf.history.RunRecord;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A trend's runs say which environment each was aimed at. */
class EnvironmentTrendTest {
    private static final RunContext CONTEXT = new RunContext(null, "0123456789abcdef", "main", null, null, "host",
            "hw", "{}", "test");
    @TempDir
    Path dir;

    @Test
    void eachRunOfTheTrendNamesItsEnvironment() throws Exception {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db").toString())) {
            store.record(run("r1", Instant.parse("2026-11-27T10:00:00Z"), "staging"));
            store.record(run("r2", Instant.parse("2026-11-27T11:00:00Z"), null));
            new Dashboard().render(dir.resolve("out"), new HistoryQuery(store));
        }
        String trend = Files.readString(dir.resolve("out/trends/api.html"));
        assertThat(trend).contains("<th scope=\"col\" class=\"wrap-short\">branch, commit, environment</th>")
                .contains("main 01234567 · staging").contains("<td class=\"wrap-short\">main 01234567</td>");
    }

    private static RunRecord run(String id, Instant start, String environment) {
        Histogram h = new Histogram(3);
        h.recordValue(10_000);
        RequestStats all = new RequestStats(RequestStats.ALL, 1, 0, 0, 1, h, h.copy(), Map.of(200, 1L), Map.of(), 0, 0);
        RunMetrics metrics = new RunMetrics(1, all, Map.of(), List.of(), Map.of(), 1, 0, 0, null, null);
        return new RunRecord(id, "api", "api.yaml", null, start, start.plusSeconds(1), "passed", "open", "1/s for 1s",
                metrics, List.of(), null, false, CONTEXT, Map.of(), Map.of(), environment);
    }
}
