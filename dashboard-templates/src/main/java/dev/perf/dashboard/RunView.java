package dev.perf.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The view model of one run's page, from its summary.json (and resources.json): only values and ready-formatted
 * text, so the template has no logic beyond loops. Everything a user or a server wrote stays text here; the
 * template escapes it.
 */
final class RunView {

    private RunView() {
    }

    /**
     * @param resources resources.json, or {@code null} when the run was not monitored
     * @param trendLink the scenario's trend page from the run's folder, or {@code null} without a history
     */
    static Map<String, Object> of(JsonNode summary, JsonNode resources, String trendLink) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scenario", summary.path("scenario").asText());
        view.put("runId", summary.path("runId").asText());
        view.put("verdict", summary.path("verdict").asText());
        view.put("status", summary.path("status").asText());
        view.put("startTime", summary.path("startTime").asText());
        view.put("description", summary.path("load").path("description").asText());
        view.put("baseUrl", summary.path("baseUrl").asText());
        view.put("environment", summary.path("environment").isTextual() ? summary.path("environment").asText() : "");
        view.put("trendLink", trendLink == null ? "" : trendLink);
        view.put("requests", RequestTable.of(summary.path("requests")));
        view.put("tracked", summary.path("load").path("model").asText().equals("tracked"));
        view.put("costs", costs(summary));
        view.put("overall", RequestTable.row(summary.path("overall")));
        view.put("thresholds", thresholds(summary.path("thresholds")));
        view.put("regressions", regressions(summary.path("regressions")));
        view.put("errors", errors(summary.path("overall").path("errors")));
        List<Map<String, Object>> flows = new ArrayList<>();
        summary.path("flows").forEach(f -> flows.add(RequestTable.row(f)));
        view.put("flows", flows);
        view.put("checks", checks(summary.path("requests")));
        List<String> warnings = new ArrayList<>();
        summary.path("generator").path("saturation").forEach(r -> warnings.add(r.asText()));
        view.put("saturation", warnings);
        List<Map<String, Object>> charts = new ArrayList<>();
        RunCharts.add(summary, charts);
        view.put("charts", charts);
        List<Map<String, Object>> resourceCharts = new ArrayList<>();
        ResourceCharts.add(resources, resourceCharts);
        view.put("resourceCharts", resourceCharts);
        view.put("monitored", resources != null);
        ScalabilityView.add(summary.path("scalability"), view);
        return view;
    }

    /** A tracked test's cost per execution, by operation; empty for a load run. */
    private static List<Map<String, Object>> costs(JsonNode summary) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<JsonNode> entries = new ArrayList<>();
        summary.path("requests").forEach(entries::add);
        entries.add(summary.path("overall"));
        for (JsonNode op : entries) {
            if (op.has("cpuMsPerExecution") || op.has("allocatedBytesPerExecution")) {
                JsonNode allocated = op.path("allocatedBytesPerExecution");
                rows.add(Map.of("name", op.path("name").asText(), "count", Format.count(op.path("count")),
                        "cpu", Format.fixed(op.path("cpuMsPerExecution"), 3),
                        "allocated", allocated.isNumber() ? Format.fixed(allocated.asDouble() / 1024, 1) : Format.NONE));
            }
        }
        return rows;
    }

    private static List<Map<String, Object>> thresholds(JsonNode thresholds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode t : thresholds) {
            String verdict = !t.path("judged").asBoolean(true) ? "inconclusive" : t.path("passed").asBoolean() ? "pass" : "fail";
            String measured = t.path("actual").isNumber() ? measured(t.path("actual").asDouble(), t.path("unit").asText())
                    : "no data";
            rows.add(Map.of("expression", t.path("expression").asText(), "verdict", verdict, "measured", measured,
                    "note", t.path("note").asText("")));
        }
        return rows;
    }

    /** Figures compared with the baseline that did not come out "ok", and whether there was a baseline at all. */
    private static Map<String, Object> regressions(JsonNode regressions) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("checked", regressions.isObject());
        view.put("compared", regressions.path("figures").size());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode f : regressions.path("figures")) {
            if (f.path("verdict").asText().equals("ok")) {
                continue;
            }
            rows.add(Map.of("verdict", f.path("verdict").asText(), "request", f.path("request").asText(),
                    "metric", f.path("metric").asText(), "current", SvgChart.number(f.path("current").asDouble()),
                    "baseline", SvgChart.number(f.path("baselineMedian").asDouble()) + " (median of "
                            + f.path("baselineRuns").asInt() + " runs)",
                    "change", f.path("changePercent").isNumber()
                            ? String.format(Locale.ROOT, "%+.1f%%", f.path("changePercent").asDouble()) : Format.NONE,
                    "reason", f.path("reason").asText()));
        }
        view.put("rows", rows);
        return view;
    }

    /** Failed checks by request and name, informational ones included. */
    private static List<Map<String, Object>> checks(JsonNode requests) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode r : requests) {
            r.path("checks").fields().forEachRemaining(c -> rows.add(Map.of("request", r.path("name").asText(),
                    "check", c.getKey(), "count", Format.count(c.getValue()))));
        }
        return rows;
    }

    private static List<Map<String, Object>> errors(JsonNode errors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        errors.fields().forEachRemaining(e -> rows.add(Map.of("kind", e.getKey(),
                "count", Format.count(e.getValue().path("count")), "first", e.getValue().path("firstMessage").asText(""))));
        return rows;
    }

    private static String measured(double value, String unit) {
        return switch (unit) {
            case "percent" -> SvgChart.number(value) + "%";
            case "millis" -> SvgChart.number(value) + " ms";
            case "per_second" -> SvgChart.number(value) + "/s";
            case "bytes" -> SvgChart.number(value / (1024 * 1024)) + " MB";
            case "bytes_per_second" -> SvgChart.number(value / (1024 * 1024)) + " MB/s";
            default -> SvgChart.number(value);
        };
    }
}
