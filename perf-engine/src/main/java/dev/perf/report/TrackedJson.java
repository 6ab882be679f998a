package dev.perf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.analysis.ThresholdResult;
import dev.perf.history.RunRecord;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.monitor.ResourceSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tracked test's run as summary.json: the shape of a load run's (so the dashboard and the history read both), with
 * one entry of {@code requests} per operation, its cost per execution, and {@code load.model} {@code tracked}.
 */
public final class TrackedJson {

    private TrackedJson() {
    }

    /**
     * @param source    the test class
     * @param resources what the monitor saw, or {@code null}
     */
    public static ObjectNode toJson(String runId, String test, String source, Instant start, Instant end, RunMetrics m,
                                    Map<String, OperationCost> costs, List<ThresholdResult> thresholds, boolean passed,
                                    ResourceSummary resources) {
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        root.put("schemaVersion", SummaryJson.SCHEMA_VERSION);
        root.put("runId", runId);
        root.put("scenario", test);
        root.put("file", source);
        root.put("status", "completed");
        root.put("verdict", passed ? "passed" : "failed");
        root.put("startTime", start.toString());
        root.put("endTime", end.toString());
        ObjectNode load = root.putObject("load");
        load.put("model", RunRecord.TRACKED);
        load.put("shape", "single");
        load.put("description", "operations tracked in " + source);
        load.put("elapsedSeconds", m.elapsedSeconds());
        root.set("overall", operation(m.overall(), costs));
        ArrayNode requests = root.putArray("requests");
        m.byRequest().values().forEach(s -> requests.add(operation(s, costs)));
        root.putArray("flows");
        root.putArray("stages");
        SummaryJson.putThresholds(root, thresholds);
        ObjectNode generator = root.putObject("generator");
        generator.put("saturated", false);
        generator.putArray("saturation");
        if (resources == null) {
            root.putNull("resources");
        } else {
            root.set("resources", ResourcesJson.summary(resources));
        }
        SummaryJson.putTimeSeries(root, m.series());
        return root;
    }

    private static ObjectNode operation(RequestStats stats, Map<String, OperationCost> costs) {
        ObjectNode node = SummaryJson.withSpectrum(SummaryJson.stats(stats), stats);
        OperationCost cost = costs.get(stats.name());
        SummaryJson.putNullable(node, "cpuMsPerExecution", cost == null ? null : cost.cpuMillisPerExecution());
        SummaryJson.putNullable(node, "allocatedBytesPerExecution",
                cost == null ? null : cost.allocatedBytesPerExecution());
        return node;
    }
}
