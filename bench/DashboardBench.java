import dev.perf.dashboard.Dashboard;
import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.history.RunContext;
import dev.perf.history.RunRecord;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import org.HdrHistogram.Histogram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * How long the dashboard takes to render from a large history, and how big its pages get.
 * Usage: DashboardBench <template run folder (summary.json, resources.json)> <runs> <scenarios> <work folder>
 *        [history: a jdbc:postgresql: URL of an empty database, credentials from PERF_HISTORY_USER/PASSWORD]
 * Each recorded run keeps a copy of the template's result files, as perf:run does, under its own run id.
 */
public class DashboardBench {
    public static void main(String[] args) throws Exception {
        Path template = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int scenarios = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        deleteTree(work);
        Files.createDirectories(work);
        String summary = Files.readString(template.resolve("summary.json"));
        byte[] resources = Files.isRegularFile(template.resolve("resources.json"))
                ? Files.readAllBytes(template.resolve("resources.json")) : null;
        String templateRun = template.getFileName().toString();
        String templateScenario = summary.replaceAll("(?s).*?\"scenario\" : \"([^\"]*)\".*", "$1");
        Random random = new Random(42);
        Instant start = Instant.parse("2026-08-01T00:00:00Z");
        String db = args.length > 4 ? args[4] : work.resolve("history.db").toString();
        long t0 = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(db)) {
            for (int i = 0; i < runs; i++) {
                String scenario = "scenario-" + (i % scenarios);
                Instant at = start.plus(Duration.ofMinutes(i * 144L / Math.max(1, runs / 1000)));
                String runId = String.format("run-%05d-%s", i, scenario);
                Histogram h = new Histogram(3);
                double drift = i > runs / 2 ? 1.2 : 1.0;
                for (int n = 0; n < 5000; n++) {
                    h.recordValue((long) (drift * (2000 + 800 * Math.abs(random.nextGaussian()))));
                }
                RequestStats all = new RequestStats(RequestStats.ALL, 5000, 0, 0, 60, h, h.copy(), Map.of(200, 5000L),
                        Map.of(), 0, 0);
                RequestStats get = new RequestStats("get-customer", 5000, 0, 0, 60, h.copy(), h.copy(),
                        Map.of(200, 5000L), Map.of(), 0, 0);
                RunMetrics metrics = new RunMetrics(60, all, Map.of("get-customer", get), List.of(), Map.of(), 1, 0, 0,
                        null, null);
                byte[] doc = summary.replace(templateRun, runId).replace("\"scenario\" : \"" + templateScenario + "\"",
                        "\"scenario\" : \"" + scenario + "\"").getBytes(StandardCharsets.UTF_8);
                Map<String, byte[]> documents = resources == null ? Map.of("summary.json", doc)
                        : Map.of("summary.json", doc, "resources.json", resources);
                store.record(new RunRecord(runId, scenario, "s.yaml", "sha", at, at.plusSeconds(60), "passed", "open",
                        "100/s for 1m", metrics, List.of(), null, false,
                        new RunContext("p", "c", "main", null, null, "h", "hw", "{}", "v"), documents));
            }
        }
        System.out.printf("history %s: %d runs of %d scenarios written in %.1f s%s%n", db, runs, scenarios,
                (System.nanoTime() - t0) / 1e9, db.startsWith("jdbc:") ? ""
                        : String.format(", %.1f MB", Files.size(Path.of(db)) / 1e6));
        for (int round = 1; round <= 2; round++) {
            Path output = work.resolve("perf");
            deleteTree(output);
            long r0 = System.nanoTime();
            try (HistoryStore store = HistoryStore.open(db)) {
                new Dashboard().render(output, new HistoryQuery(store));
            }
            double seconds = (System.nanoTime() - r0) / 1e9;
            long[] pages = {0, 0, 0};
            try (Stream<Path> files = Files.walk(output)) {
                files.filter(f -> f.toString().endsWith(".html")).forEach(f -> {
                    long size = f.toFile().length();
                    pages[0]++;
                    pages[1] += size;
                    pages[2] = Math.max(pages[2], size);
                });
            }
            System.out.printf("render %d: %.1f s for %d pages, %.1f MB in all, largest page %.0f KB%n", round, seconds,
                    pages[0], pages[1] / 1e6, pages[2] / 1e3);
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
