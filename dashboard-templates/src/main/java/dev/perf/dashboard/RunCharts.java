package dev.perf.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's charts over time and its latency distribution, from summary.json: latency percentiles per interval,
 * responses and failures per second, responses by status code, failures by kind, and the percentile spectrum.
 */
final class RunCharts {
    /** Lines in one chart beyond which the rest are summed into "other". */
    private static final int MAX_LINES = 6;
    /** Intervals shorter than this (a sliver at a stage boundary) would read as a spike per second. */
    private static final double MIN_RATE_SECONDS = 0.2;

    private RunCharts() {
    }

    static void add(JsonNode summary, List<Map<String, Object>> charts) {
        JsonNode points = summary.path("timeSeries").path("ALL");
        if (summary.path("load").path("model").asText().equals("tracked")) {
            add(charts, "Duration over time", "Of the executions of all operations, per second.",
                    latency(points, "Duration over time"));
            add(charts, "Executions per second", null, throughput(points, "Executions per second", "executions"));
        } else {
            add(charts, "Latency over time", "From each request's intended send time, per interval.",
                    latency(points, "Latency over time"));
            add(charts, "Responses per second", null, throughput(points, "Responses per second", "responses"));
        }
        add(charts, "Responses by status code", "Per second; status 0 would be none.", byKey(points, "statuses",
                "Responses by status code", "HTTP "));
        add(charts, "Failures by kind", "Per second: unexpected status, timeout, connection refused or reset, other.",
                byKey(points, "errors", "Failures by kind", ""));
        add(charts, "Latency distribution", "The percentile spectrum as HdrHistogram plots it: each further nine "
                + "of the percentile axis gets the same width, so the tail shows.", spectrum(summary));
    }

    static void add(List<Map<String, Object>> charts, String title, String note, String svg) {
        if (svg != null) {
            charts.add(note == null ? Map.of("title", title, "svg", svg) : Map.of("title", title, "svg", svg, "note", note));
        }
    }

    private static String latency(JsonNode points, String title) {
        SvgChart chart = SvgChart.titled(title).x("s").y("ms");
        for (String[] s : new String[][]{{"p50", "p50Ms"}, {"p90", "p90Ms"}, {"p99", "p99Ms"}, {"max", "maxMs"}}) {
            List<double[]> line = new ArrayList<>();
            points.forEach(p -> line.add(new double[]{p.path("t").asDouble(), Format.orNaN(p.path(s[1]))}));
            chart.line(s[0], line);
        }
        return chart.svg();
    }

    private static String throughput(JsonNode points, String title, String what) {
        List<double[]> responses = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        points.forEach(p -> {
            double seconds = p.path("seconds").asDouble(1);
            if (seconds >= MIN_RATE_SECONDS) {
                responses.add(new double[]{p.path("t").asDouble(), p.path("count").asDouble() / seconds});
                failed.add(new double[]{p.path("t").asDouble(), p.path("failed").asDouble() / seconds});
            }
        });
        return SvgChart.titled(title).x("s").y("/s").line(what, responses).line("failed", failed).svg();
    }

    /** One line per status code or failure kind (the busiest ones), per second; none when no interval had any. */
    private static String byKey(JsonNode points, String field, String title, String prefix) {
        Map<String, Long> totals = new TreeMap<>();
        points.forEach(p -> p.path(field).fields().forEachRemaining(e -> totals.merge(e.getKey(), e.getValue().asLong(),
                Long::sum)));
        if (totals.isEmpty()) {
            return null;
        }
        List<String> keys = new ArrayList<>(totals.keySet());
        keys.sort(Comparator.comparingLong((String k) -> totals.get(k)).reversed());
        List<String> lines = keys.subList(0, Math.min(MAX_LINES - 1, keys.size()));
        boolean other = keys.size() > lines.size();
        SvgChart chart = SvgChart.titled(title).x("s").y("/s");
        for (String key : lines) {
            chart.line(prefix + key, rates(points, field, List.of(key)));
        }
        if (other) {
            chart.line("other", rates(points, field, keys.subList(lines.size(), keys.size())));
        }
        return chart.svg();
    }

    private static List<double[]> rates(JsonNode points, String field, List<String> keys) {
        List<double[]> line = new ArrayList<>();
        points.forEach(p -> {
            double seconds = p.path("seconds").asDouble(1);
            if (seconds >= MIN_RATE_SECONDS) {
                long n = 0;
                for (String key : keys) {
                    n += p.path(field).path(key).asLong();
                }
                line.add(new double[]{p.path("t").asDouble(), n / seconds});
            }
        });
        return line;
    }

    /** All requests, and the busiest requests (up to five) when there are several. */
    private static String spectrum(JsonNode summary) {
        SvgChart chart = SvgChart.titled("Latency distribution").percentileX().y("ms");
        int lines = addSpectrum(chart, "all requests", summary.path("overall"));
        List<JsonNode> requests = new ArrayList<>();
        summary.path("requests").forEach(requests::add);
        if (requests.size() > 1) {
            requests.sort(Comparator.comparingLong((JsonNode r) -> r.path("count").asLong()).reversed());
            for (JsonNode r : requests.subList(0, Math.min(MAX_LINES - 1, requests.size()))) {
                lines += addSpectrum(chart, r.path("name").asText(), r);
            }
        }
        return lines == 0 ? null : chart.svg();
    }

    private static int addSpectrum(SvgChart chart, String name, JsonNode stats) {
        JsonNode spectrum = stats.path("latencySpectrumMs");
        if (spectrum.isEmpty()) {
            return 0;
        }
        // 100% cannot be drawn on this axis: the maximum is placed at the last response, 1 in count
        long count = Math.max(2, stats.path("count").asLong());
        double last = 100 * (1 - 1.0 / count);
        List<double[]> line = new ArrayList<>();
        for (JsonNode pair : spectrum) {
            double percentile = Math.min(pair.get(0).asDouble(), last);
            if (!line.isEmpty() && line.get(line.size() - 1)[0] >= percentile) {
                line.get(line.size() - 1)[1] = pair.get(1).asDouble(); // beyond the last response: the same point
            } else {
                line.add(new double[]{percentile, pair.get(1).asDouble()});
            }
        }
        chart.line(name, line);
        return 1;
    }
}
