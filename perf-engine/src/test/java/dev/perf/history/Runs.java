package dev.perf.history;

import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made runs for history tests. */
final class Runs {
    static final RunContext CONTEXT = new RunContext("dev.perf:test:1", "abc123", "main", null, null, "host",
            "hw1", "{}", "test");

    private Runs() {
    }

    /** A run of one request "get" whose latencies (microseconds) are {@code values}, all ok, over 10 s. */
    static RunRecord run(String runId, String scenario, Instant start, long... values) {
        Histogram h = new Histogram(3);
        for (long v : values) {
            h.recordValue(v);
        }
        RequestStats get = new RequestStats("get", values.length, 0, 0, 10, h, h.copy(), Map.of(200, (long) values.length),
                Map.of(), 0, 0);
        RequestStats all = new RequestStats(RequestStats.ALL, values.length, 0, 0, 10, h.copy(), h.copy(),
                Map.of(200, (long) values.length), Map.of(), 0, 0);
        RunMetrics metrics = new RunMetrics(10, all, Map.of("get", get), List.of(), Map.of(), 1, 0, 0, null, null);
        return new RunRecord(runId, scenario, "s.yaml", "sha", start, start.plusSeconds(10), "passed", "open",
                "10/s for 10s", metrics, List.of(), null, false, CONTEXT, Map.of());
    }

    /** The same run with a result file kept beside it. */
    static RunRecord withDocument(RunRecord run, String name, byte[] content) {
        return new RunRecord(run.runId(), run.scenario(), run.scenarioFile(), run.scenarioSha256(), run.start(),
                run.end(), run.verdict(), run.loadModel(), run.loadDescription(), run.metrics(), run.thresholds(),
                run.resources(), run.generatorSaturated(), run.context(), Map.of(name, content), run.costs(),
                run.environment());
    }
}
