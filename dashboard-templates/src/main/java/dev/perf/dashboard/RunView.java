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
    /** Request rows shown; the rest are counted in one "not shown" line so that many names cannot blow up a page. */
    static final int MAX_REQUESTS = 30;

    private RunView() {
    }

    static Map<String, Object> of(JsonNode summary, JsonNode resources) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scenario", summary.path("scenario").asText());
        view.put("runId", summary.path("runId").asText());
        view.put("verdict", summary.path("verdict").asText());
        view.put("status", summary.path("status").asText());
        view.put("startTime", summary.path("startTime").asText());
        view.put("description", summary.path("load").path("description").asText());
        view.put("baseUrl", summary.path("baseUrl").asText());
        List<Map<String, Object>> requests = new ArrayList<>();
        JsonNode list = summary.path("requests");
        for (int i = 0; i < list.size() && i < MAX_REQUESTS; i++) {
            requests.add(row(list.get(i)));
        }
        view.put("requests", requests);
        view.put("hiddenRequests", Math.max(0, list.size() - MAX_REQUESTS));
        view.put("overall", row(summary.path("overall")));
        view.put("thresholds", thresholds(summary.path("thresholds")));
        view.put("errors", errors(summary.path("overall").path("errors")));
        List<String> warnings = new ArrayList<>();
        summary.path("generator").path("saturation").forEach(r -> warnings.add(r.asText()));
        view.put("saturation", warnings);
        List<Map<String, Object>> charts = new ArrayList<>();
        addChart(charts, "Latency over time (from the intended send time)", latencyChart(summary));
        addChart(charts, "Responses per second", throughputChart(summary));
        if (resources != null) {
            addChart(charts, "CPU (machine: % of all CPUs; processes: % of one core)", cpuChart(resources));
        }
        view.put("charts", charts);
        ScalabilityView.add(summary.path("scalability"), view);
        return view;
    }

    private static void addChart(List<Map<String, Object>> charts, String title, String svg) {
        if (svg != null) {
            charts.add(Map.of("title", title, "svg", svg));
        }
    }

    static Map<String, Object> row(JsonNode stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        JsonNode latency = stats.path("latencyMs");
        row.put("name", stats.path("name").asText());
        row.put("count", count(stats.path("count")));
        row.put("success", percent(stats.path("successRate")));
        row.put("rps", fixed(stats.path("rps"), 1));
        for (String key : List.of("min", "avg", "p50", "p90", "p95", "p99", "max")) {
            row.put(key, fixed(latency.path(key), 2));
        }
        return row;
    }

    private static List<Map<String, Object>> thresholds(JsonNode thresholds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode t : thresholds) {
            String verdict = !t.path("judged").asBoolean(true) ? "none" : t.path("passed").asBoolean() ? "pass" : "fail";
            String measured = t.path("actual").isNumber() ? number(t.path("actual").asDouble()) + unit(t.path("unit").asText())
                    : "no data";
            if (t.hasNonNull("note")) {
                measured = t.path("actual").isNumber() ? measured + "; " + t.path("note").asText() : t.path("note").asText();
            }
            rows.add(Map.of("expression", t.path("expression").asText(), "verdict", verdict, "measured", measured));
        }
        return rows;
    }

    private static List<Map<String, Object>> errors(JsonNode errors) {
        List<Map<String, Object>> rows = new ArrayList<>();
        errors.fields().forEachRemaining(e -> rows.add(Map.of("kind", e.getKey(),
                "count", count(e.getValue().path("count")), "first", e.getValue().path("firstMessage").asText(""))));
        return rows;
    }

    private static String latencyChart(JsonNode summary) {
        JsonNode points = summary.path("timeSeries").path("ALL");
        List<SvgChart.Series> series = new ArrayList<>();
        for (String[] s : new String[][]{{"p50", "p50Ms"}, {"p90", "p90Ms"}, {"p99", "p99Ms"}}) {
            List<double[]> line = new ArrayList<>();
            points.forEach(p -> line.add(new double[]{p.path("t").asDouble(),
                    p.path(s[1]).isNumber() ? p.path(s[1]).asDouble() : Double.NaN}));
            series.add(new SvgChart.Series(s[0], line));
        }
        return SvgChart.line("Latency over time", "s", "ms", series);
    }

    private static String throughputChart(JsonNode summary) {
        JsonNode points = summary.path("timeSeries").path("ALL");
        List<double[]> responses = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        points.forEach(p -> {
            double seconds = p.path("seconds").asDouble(1);
            if (seconds >= 0.2) {
                // a sliver of an interval at a stage boundary would read as a spike per second
                responses.add(new double[]{p.path("t").asDouble(), p.path("count").asDouble() / seconds});
                failed.add(new double[]{p.path("t").asDouble(), p.path("failed").asDouble() / seconds});
            }
        });
        return SvgChart.line("Responses per second", "s", "/s", List.of(new SvgChart.Series("responses", responses),
                new SvgChart.Series("failed", failed)));
    }

    private static String cpuChart(JsonNode resources) {
        List<SvgChart.Series> series = new ArrayList<>();
        for (String scope : List.of("machine", "generator", "target")) {
            List<double[]> line = new ArrayList<>();
            resources.path("samples").forEach(s -> {
                JsonNode cpu = s.path(scope).path("cpu");
                if (!s.path(scope).isMissingNode()) {
                    line.add(new double[]{s.path("t").asDouble(), cpu.isNumber() ? cpu.asDouble() : Double.NaN});
                }
            });
            if (!line.isEmpty()) {
                series.add(new SvgChart.Series(scope, line));
            }
        }
        return series.isEmpty() ? null : SvgChart.line("CPU", "s", "%", series);
    }

    private static String unit(String unit) {
        return switch (unit) {
            case "percent" -> "%";
            case "millis" -> " ms";
            case "per_second" -> "/s";
            default -> "";
        };
    }

    static String count(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%,d", node.asLong()) : "n/a";
    }

    static String percent(JsonNode node) {
        return node.isNumber() ? String.format(Locale.ROOT, "%.2f%%", node.asDouble()) : "n/a";
    }

    static String fixed(JsonNode node, int decimals) {
        return node.isNumber() ? String.format(Locale.ROOT, "%." + decimals + "f", node.asDouble()) : "n/a";
    }

    private static String number(double value) {
        return SvgChart.number(value);
    }
}
