package dev.perf.dashboard;

import dev.perf.result.Figures;
import dev.perf.result.RunResult;
import dev.perf.result.TimePoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A run's charts over time and its latency distribution, from summary.json: latency percentiles per interval,
 * responses and failures per second, responses by status code, failures by kind, and the percentile spectrum.
 */
final class RunCharts {
    /** Lines in one chart beyond which the rest are summed into "other". */
    private static final int MAX_LINES = 6;
    /** Intervals shorter than this (a sliver at a stage boundary) would read as a spike per second. */
    static final double MIN_RATE_SECONDS = 0.2;

    private RunCharts() {
    }

    static void add(RunResult summary, List<Map<String, Object>> charts) {
        List<TimePoint> points = summary.timeSeries() == null ? List.of()
                : RunView.listed(summary.timeSeries().get("ALL"));
        if (summary.tracked()) {
            add(charts, "Duration over time", "Of the executions of all operations, per second.",
                    latency(points, "Duration over time"));
            add(charts, "Executions per second", null, throughput(points, "Executions per second", "executions"));
        } else {
            add(charts, "Latency over time", "From each request's intended send time, per interval.",
                    latency(points, "Latency over time"));
            add(charts, "Responses per second", null, throughput(points, "Responses per second", "responses"));
        }
        add(charts, "In flight and users", "At each interval's end: open-model requests sent (or due) and not yet "
                + "answered, and closed-model virtual users running.", running(points));
        if (!summary.tracked()) {
            add(charts, "p95 by request over time", "Each request's 95th percentile per interval, from its intended "
                    + "send time; the busiest requests.", byRequest(summary));
        }
        add(charts, "Responses by status code", "Per second; status 0 would be none.", byKey(points,
                TimePoint::statuses, "Responses by status code", "HTTP "));
        add(charts, "Failures by kind", "Per second: unexpected status, timeout, connection refused or reset, other.",
                byKey(points, TimePoint::errors, "Failures by kind", ""));
        add(charts, "Latency distribution", "The percentile spectrum as HdrHistogram plots it: each further nine "
                + "of the percentile axis gets the same width, so the tail shows.", spectrum(summary));
    }

    /**
     * One request's charts for its own page: latency over time, responses and failures per second, distribution. (A
     * request's own series has no breakdown by status or failure kind: its page has those as tables.)
     */
    static void request(RunResult summary, Figures request, List<Map<String, Object>> charts) {
        List<TimePoint> points = RunView.points(summary, request.name());
        String noun = summary.tracked() ? "Duration" : "Latency";
        add(charts, noun + " over time", summary.tracked() ? "Of this operation's executions, per interval."
                : "From each request's intended send time, per interval.", latency(points, noun + " over time"));
        add(charts, "Responses per second", null, throughput(points, "Responses per second",
                summary.tracked() ? "executions" : "responses"));
        SvgChart spectrum = SvgChart.titled("Latency distribution").percentileX().y("ms");
        add(charts, "Latency distribution", "The percentile spectrum: each further nine of the percentile axis gets "
                + "the same width.", addSpectrum(spectrum, RunView.text(request.name()), request) == 0 ? null : spectrum);
    }

    /** Adds a chart (its SVG and its key) when it has something to draw. */
    static void add(List<Map<String, Object>> charts, String title, String note, SvgChart chart) {
        SvgChart.Rendered rendered = chart == null ? null : chart.render();
        if (rendered != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("title", title);
            entry.put("svg", rendered.svg());
            entry.put("legend", rendered.legend());
            if (note != null) {
                entry.put("note", note);
            }
            charts.add(entry);
        }
    }

    private static SvgChart latency(List<TimePoint> points, String title) {
        SvgChart chart = SvgChart.titled(title).x("s").y("ms");
        Map<String, Function<TimePoint, Double>> lines = new LinkedHashMap<>();
        lines.put("p50", TimePoint::p50Ms);
        lines.put("p90", TimePoint::p90Ms);
        lines.put("p99", TimePoint::p99Ms);
        lines.put("max", TimePoint::maxMs);
        lines.forEach((name, figure) -> chart.line(name, points.stream()
                .map(p -> new double[]{p.t(), Format.orNaN(figure.apply(p))}).toList()));
        return chart;
    }

    private static SvgChart throughput(List<TimePoint> points, String title, String what) {
        List<double[]> responses = new ArrayList<>();
        List<double[]> failed = new ArrayList<>();
        for (TimePoint p : points) {
            if (p.seconds() >= MIN_RATE_SECONDS) {
                responses.add(new double[]{p.t(), p.count() / p.seconds()});
                failed.add(new double[]{p.t(), p.failed() / p.seconds()});
            }
        }
        return SvgChart.titled(title).x("s").y("/s").line(what, responses).line("failed", failed);
    }

    /** Requests in flight and users running, for the stages that had them; none when neither was recorded. */
    private static SvgChart running(List<TimePoint> points) {
        boolean inFlight = points.stream().anyMatch(p -> p.inFlight() != null && p.inFlight() > 0);
        boolean users = points.stream().anyMatch(p -> p.users() != null && p.users() > 0);
        if (!inFlight && !users) {
            return null;
        }
        SvgChart chart = SvgChart.titled("In flight and users").x("s").y("");
        if (inFlight) {
            chart.line("requests in flight", points.stream()
                    .map(p -> new double[]{p.t(), p.inFlight() == null ? Double.NaN : p.inFlight()}).toList());
        }
        if (users) {
            chart.line("users running", points.stream()
                    .map(p -> new double[]{p.t(), p.users() == null ? Double.NaN : p.users()}).toList());
        }
        return chart;
    }

    /** p95 per interval of the busiest requests (when there are several); none with one request. */
    private static SvgChart byRequest(RunResult summary) {
        List<Figures> requests = new ArrayList<>(RunView.listed(summary.requests()));
        if (requests.size() < 2) {
            return null;
        }
        requests.sort(Comparator.comparingLong(Figures::count).reversed());
        SvgChart chart = SvgChart.titled("p95 by request over time").x("s").y("ms");
        for (Figures r : requests.subList(0, Math.min(MAX_LINES, requests.size()))) {
            chart.line(RunView.text(r.name()), RunView.points(summary, r.name()).stream()
                    .map(p -> new double[]{p.t(), Format.orNaN(p.p95Ms())}).toList());
        }
        return chart;
    }

    /** One line per status code or failure kind (the busiest ones), per second; none when no interval had any. */
    private static SvgChart byKey(List<TimePoint> points, Function<TimePoint, Map<String, Long>> field, String title,
                                String prefix) {
        Map<String, Long> totals = new TreeMap<>();
        points.forEach(p -> counts(p, field).forEach((key, n) -> totals.merge(key, n, Long::sum)));
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
        return chart;
    }

    private static List<double[]> rates(List<TimePoint> points, Function<TimePoint, Map<String, Long>> field,
                                        List<String> keys) {
        List<double[]> line = new ArrayList<>();
        for (TimePoint p : points) {
            if (p.seconds() >= MIN_RATE_SECONDS) {
                Map<String, Long> counts = counts(p, field);
                long n = keys.stream().mapToLong(key -> counts.getOrDefault(key, 0L)).sum();
                line.add(new double[]{p.t(), n / p.seconds()});
            }
        }
        return line;
    }

    private static Map<String, Long> counts(TimePoint p, Function<TimePoint, Map<String, Long>> field) {
        Map<String, Long> counts = field.apply(p);
        return counts == null ? Map.of() : counts;
    }

    /** All requests, and the busiest requests (up to five) when there are several. */
    private static SvgChart spectrum(RunResult summary) {
        SvgChart chart = SvgChart.titled("Latency distribution").percentileX().y("ms");
        int lines = summary.overall() == null ? 0 : addSpectrum(chart, "all requests", summary.overall());
        List<Figures> requests = new ArrayList<>(RunView.listed(summary.requests()));
        if (requests.size() > 1) {
            requests.sort(Comparator.comparingLong(Figures::count).reversed());
            for (Figures r : requests.subList(0, Math.min(MAX_LINES - 1, requests.size()))) {
                lines += addSpectrum(chart, RunView.text(r.name()), r);
            }
        }
        return lines == 0 ? null : chart;
    }

    private static int addSpectrum(SvgChart chart, String name, Figures stats) {
        List<double[]> spectrum = RunView.listed(stats.latencySpectrumMs());
        if (spectrum.isEmpty()) {
            return 0;
        }
        // 100% cannot be drawn on this axis: the maximum is placed at the last response, 1 in count
        long count = Math.max(2, stats.count());
        double last = 100 * (1 - 1.0 / count);
        List<double[]> line = new ArrayList<>();
        for (double[] pair : spectrum) {
            if (pair.length < 2) {
                continue;
            }
            double percentile = Math.min(pair[0], last);
            if (!line.isEmpty() && line.get(line.size() - 1)[0] >= percentile) {
                line.get(line.size() - 1)[1] = pair[1]; // beyond the last response: the same point
            } else {
                line.add(new double[]{percentile, pair[1]});
            }
        }
        chart.line(name, line);
        return 1;
    }
}
