package dev.perf.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.ThresholdResult;
import dev.perf.analysis.VerdictGates;
import dev.perf.metrics.LoadRun;
import dev.perf.metrics.Histograms;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.Scenario;
import org.HdrHistogram.HistogramIterationValue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code summary.json} of one run (schema documented in docs/reference/outputs.md, version {@value #SCHEMA_VERSION}).
 * Figures that cannot be computed are JSON {@code null}, never 0. Written to a temporary file and moved into
 * place, so a reader never sees half a file.
 */
public final class SummaryJson {
    public static final int SCHEMA_VERSION = 1;
    static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9};
    private static final int SPECTRUM_TICKS_PER_HALF_DISTANCE = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    /**
     * The run as a JSON tree.
     *
     * @param verdict      passed, failed or inconclusive
     * @param inconclusive why it is inconclusive, one line each (empty otherwise)
     */
    public static ObjectNode toJson(Scenario scenario, String runId, LoadRun run, RunFigures figures,
                                    GeneratorCheck.Verdict generatorCheck, List<ThresholdResult> thresholds,
                                    String verdict, List<String> inconclusive) {
        ScalabilityAnalysis analysis = figures.analysis();
        RunMetrics m = run.metrics();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", runId);
        root.put("scenario", scenario.name());
        root.put("file", scenario.file().toString());
        root.put("status", run.partial() ? "partial" : "completed");
        if (run.stopReason() != null) {
            root.put("stopReason", run.stopReason());
        }
        root.put("verdict", verdict);
        if (!inconclusive.isEmpty()) {
            ArrayNode why = root.putArray("inconclusive");
            inconclusive.forEach(why::add);
        }
        root.put("startTime", run.startTime().toString());
        root.put("endTime", run.endTime().toString());
        root.put("baseUrl", Redact.url(scenario.baseUrl()));
        root.put("environment", scenario.environment());
        ObjectNode load = root.putObject("load");
        load.put("model", scenario.load().isOpenModel() ? "open" : "closed");
        load.put("shape", scenario.load().isStepped() ? "steps" : scenario.load().stages().size() > 1 ? "stages" : "single");
        load.put("description", scenario.load().describe());
        load.put("elapsedSeconds", m.elapsedSeconds());
        load.put("maxInFlight", scenario.load().maxInFlight());
        root.set("overall", withSpectrum(stats(m.overall()), m.overall()));
        ArrayNode requests = root.putArray("requests");
        m.byRequest().values().forEach(s -> requests.add(withSpectrum(stats(s), s)));
        ArrayNode flows = root.putArray("flows");
        m.flows().values().forEach(f -> flows.add(withSpectrum(stats(f), f)));
        ArrayNode stages = root.putArray("stages");
        for (StageMetrics stage : m.stages()) {
            stages.add(StageJson.stage(scenario.load(), stage));
        }
        if (analysis != null) {
            root.set("scalability", StageJson.scalability(scenario.load().steps(), analysis));
        }
        putThresholds(root, thresholds);
        ObjectNode generator = root.putObject("generator");
        generator.put("nativeTransport", run.nativeTransport());
        generator.put("connectionsOpened", m.connectionsOpened());
        generator.put("connectionsReused", m.connectionsReused());
        generator.put("lateSends", m.lateSends());
        generator.put("unfinished", run.unfinished());
        generator.put("iterationsCutShort", run.iterationsCutShort());
        putNullable(generator, "sendLagP99Ms", m.sendLagP99Millis());
        putNullable(generator, "sendLagMaxMs", m.sendLagMaxMillis());
        generator.put("saturated", generatorCheck.saturated());
        ArrayNode reasons = generator.putArray("saturation");
        generatorCheck.reasons().forEach(reasons::add);
        if (figures.resources() == null) {
            root.putNull("resources");
        } else {
            root.set("resources", ResourcesJson.summary(figures.resources()));
        }
        putTimeSeries(root, m.series());
        return root;
    }

    /** The per-interval points by request name and {@code ALL}, as {@code timeSeries} of {@code root}. */
    static void putTimeSeries(ObjectNode root, Map<String, List<IntervalPoint>> timeSeries) {
        ObjectNode series = root.putObject("timeSeries");
        for (Map.Entry<String, List<IntervalPoint>> entry : timeSeries.entrySet()) {
            ArrayNode points = series.putArray(entry.getKey());
            for (IntervalPoint p : entry.getValue()) {
                ObjectNode point = points.addObject();
                point.put("t", Math.round(p.endSeconds() * 1000) / 1000.0);
                point.put("seconds", Math.round(p.intervalSeconds() * 1000) / 1000.0);
                point.put("count", p.count());
                point.put("failed", p.failed());
                putNullable(point, "p50Ms", p.p50Millis());
                putNullable(point, "p90Ms", p.p90Millis());
                putNullable(point, "p95Ms", p.p95Millis());
                putNullable(point, "p99Ms", p.p99Millis());
                putNullable(point, "maxMs", p.maxMillis());
                if (!p.statuses().isEmpty()) {
                    ObjectNode statuses = point.putObject("statuses");
                    p.statuses().forEach((code, n) -> statuses.put(Integer.toString(code), n));
                }
                if (!p.errors().isEmpty()) {
                    ObjectNode errors = point.putObject("errors");
                    p.errors().forEach(errors::put);
                }
            }
        }
    }

    /** The thresholds' verdicts, as {@code thresholds} of {@code root}. */
    static void putThresholds(ObjectNode root, List<ThresholdResult> thresholds) {
        ArrayNode thresholdArray = root.putArray("thresholds");
        for (ThresholdResult result : thresholds) {
            ObjectNode node = thresholdArray.addObject();
            node.put("expression", result.threshold().expression());
            node.put("request", result.threshold().request());
            node.put("metric", result.threshold().metric().name());
            node.put("comparison", result.threshold().comparison().symbol());
            putNullable(node, "limit", result.threshold().isRelative() ? null : result.threshold().limit());
            node.put("unit", result.threshold().metric().unit().name().toLowerCase());
            if (result.actual() == null) {
                node.putNull("actual");
            } else {
                node.put("actual", result.actual());
            }
            node.put("passed", result.passed());
            node.put("judged", result.judged());
            node.put("state", !result.judged() ? "inconclusive" : result.passed() ? "passed" : "failed");
            if (VerdictGates.isGate(result.threshold())) {
                node.put("gate", true);
            }
            if (result.threshold().isRelative()) {
                node.put("relativeTo", "baseline");
            }
            if (result.note() != null) {
                node.put("note", result.note());
            }
        }
    }

    static ObjectNode stats(RequestStats s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", s.name());
        node.put("count", s.count());
        node.put("ok", s.ok());
        node.put("failed", s.failed());
        node.put("dropped", s.dropped());
        putNullable(node, "successRate", s.successRatePercent());
        putNullable(node, "rps", s.rps());
        ObjectNode latency = node.putObject("latencyMs");
        putNullable(latency, "min", s.minMillis());
        putNullable(latency, "avg", s.meanMillis());
        putNullable(latency, "stddev", s.stdDevMillis());
        putNullable(latency, "max", s.maxMillis());
        for (double p : PERCENTILES) {
            putNullable(latency, percentileKey(p), s.percentileMillis(p));
        }
        ObjectNode service = node.putObject("serviceTimeMs");
        for (double p : PERCENTILES) {
            putNullable(service, percentileKey(p), s.servicePercentileMillis(p));
        }
        ObjectNode status = node.putObject("statusCodes");
        s.statusCounts().forEach((code, n) -> status.put(Integer.toString(code), n));
        ObjectNode errors = node.putObject("errors");
        s.errorCounts().forEach((kind, e) -> {
            ObjectNode error = errors.putObject(kind.key());
            error.put("count", e.count());
            error.put("firstMessage", e.firstMessage());
        });
        ObjectNode checks = node.putObject("checks");
        s.checkFailures().forEach(checks::put);
        if (!s.checksNotJudged().isEmpty()) {
            ObjectNode notJudged = node.putObject("checksNotJudged");
            s.checksNotJudged().forEach(notJudged::put);
        }
        node.put("bytesReceived", s.bytesReceived());
        node.put("bytesSent", s.bytesSent());
        return node;
    }

    /**
     * Adds the latency's percentile spectrum as HdrHistogram plots it: {@code [percentile, ms]} pairs, denser
     * towards the tail (five steps per halving of the distance to 100%), ending at the maximum; and the histogram
     * itself (microseconds, HdrHistogram's compressed encoding in Base64), so that tools can merge requests or runs
     * exactly.
     */
    static ObjectNode withSpectrum(ObjectNode node, RequestStats s) {
        node.put("latencyHistogram", Base64.getEncoder().encodeToString(Histograms.encode(s.latencyMicros())));
        ArrayNode spectrum = node.putArray("latencySpectrumMs");
        if (s.latencyMicros().getTotalCount() == 0) {
            return node;
        }
        double lastPercentile = -1;
        for (HistogramIterationValue v : s.latencyMicros().percentiles(SPECTRUM_TICKS_PER_HALF_DISTANCE)) {
            double percentile = v.getPercentileLevelIteratedTo();
            if (percentile == lastPercentile) {
                continue;
            }
            lastPercentile = percentile;
            ArrayNode pair = spectrum.addArray();
            pair.add(Math.round(percentile * 1e6) / 1e6);
            pair.add(v.getValueIteratedTo() / 1000.0);
            if (percentile >= 100) {
                break;
            }
        }
        return node;
    }

    static String percentileKey(double p) {
        return p == Math.rint(p) ? "p" + (long) p : "p" + Double.toString(p);
    }

    static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null || value.isNaN()) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** Writes {@code json} to {@code file} atomically (temp file, then move). */
    public static void write(ObjectNode json, Path file) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(json);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
