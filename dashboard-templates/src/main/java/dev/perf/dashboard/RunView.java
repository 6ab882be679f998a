package dev.perf.dashboard;

import dev.perf.result.Figures;
import dev.perf.result.Regressions;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;
import dev.perf.result.ThresholdVerdict;

import dev.perf.result.TimePoint;
import dev.perf.scenario.ThresholdParser;

import java.util.ArrayList;
import java.util.Comparator;
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
    static Map<String, Object> of(RunResult summary, ResourceSamples resources, String trendLink) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scenario", text(summary.scenario()));
        view.put("runId", text(summary.runId()));
        view.put("verdict", text(summary.verdict()));
        view.put("status", text(summary.status()));
        view.put("startTime", Format.instant(summary.startTime()));
        view.put("elapsed", summary.load() == null ? "" : Format.seconds(summary.load().elapsedSeconds()));
        view.put("description", summary.load() == null ? "" : text(summary.load().description()));
        view.put("baseUrl", summary.target() == null ? "" : text(summary.target().baseUrl()));
        view.put("environment", summary.target() == null ? "" : text(summary.target().environment()));
        Map<String, Long> protocols = summary.overall() == null || summary.overall().protocols() == null ? Map.of()
                : summary.overall().protocols();
        view.put("protocols", protocols.containsKey("HTTP/2") ? "responses over " + String.join(", ",
                protocols.entrySet().stream().map(e -> e.getKey() + " " + Format.count(e.getValue())).toList()) : "");
        view.put("trendLink", trendLink == null ? "" : trendLink);
        view.put("requests", RequestTable.of(listed(summary.requests())));
        view.put("tracked", summary.tracked());
        view.put("costs", summary.tracked() ? costs(summary) : List.of());
        view.put("overall", RequestTable.row(summary.overall()));
        view.put("thresholds", thresholds(listed(summary.thresholds())));
        view.put("regressions", regressions(summary.regressions()));
        view.put("errors", errors(summary.overall() == null ? null : summary.overall().errors(),
                points(summary, "ALL")));
        List<Map<String, Object>> flows = new ArrayList<>();
        listed(summary.flows()).forEach(f -> flows.add(RequestTable.row(f)));
        view.put("flows", flows);
        view.put("checks", checks(listed(summary.requests())));
        view.put("saturation", summary.generator() == null ? List.of() : listed(summary.generator().saturation()));
        List<Map<String, Object>> charts = new ArrayList<>();
        RunCharts.add(summary, charts);
        view.put("charts", charts);
        List<Map<String, Object>> resourceCharts = new ArrayList<>();
        ResourceCharts.add(resources, resourceCharts);
        view.put("resourceCharts", resourceCharts);
        view.put("monitored", resources != null);
        view.put("notMonitored", summary.merged() != null ? "Merged from shards: each shard's machine and generator "
                + "are in that shard's own results (its resources.json, when it was monitored); the table of shards "
                + "above has each one's generator CPU." : "Not monitored in this run (monitor: { enabled: false }).");
        ScalabilityView.add(summary.scalability(), view);
        ShardTable.add(summary.merged(), view);
        PhaseTable.add(summary, view);
        return view;
    }

    /** A tracked test's cost per execution, by operation. */
    private static List<Map<String, Object>> costs(RunResult summary) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Figures> entries = new ArrayList<>(listed(summary.requests()));
        if (summary.overall() != null) {
            entries.add(summary.overall());
        }
        for (Figures op : entries) {
            rows.add(Map.of("name", text(op.name()), "count", Format.count(op.count()),
                    "cpu", Format.fixed(op.cpuMsPerExecution(), 3),
                    "allocated", op.allocatedBytesPerExecution() == null ? Format.NONE
                            : Format.fixed(op.allocatedBytesPerExecution() / 1024, 1)));
        }
        return rows;
    }

    private static List<Map<String, Object>> thresholds(List<ThresholdVerdict> thresholds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ThresholdVerdict t : thresholds) {
            String verdict = !t.judged() ? "inconclusive" : t.passed() ? "pass" : "fail";
            String measured = t.actual() == null ? "no data" : measured(t.actual(), text(t.unit()));
            rows.add(Map.of("expression", text(t.expression()), "verdict", verdict, "measured", measured,
                    "note", text(t.note())));
        }
        return rows;
    }

    /** Figures compared with the baseline that did not come out "ok", and whether there was a baseline at all. */
    private static Map<String, Object> regressions(Regressions regressions) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Regressions.Figure> figures = regressions == null ? List.of() : listed(regressions.figures());
        view.put("checked", regressions != null);
        view.put("compared", figures.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> inconclusive = new ArrayList<>();
        long ok = 0;
        for (Regressions.Figure f : figures) {
            if ("ok".equals(f.verdict())) {
                ok++;
                continue;
            }
            String unit = unit(f.metric());
            Map<String, Object> row = Map.of("verdict", text(f.verdict()), "request", text(f.request()),
                    "metric", text(f.metric()),
                    "current", measured(f.current(), unit),
                    "baseline", measured(f.baselineMedian(), unit) + " (median of " + f.baselineRuns()
                            + (f.baselineRuns() == 1 ? " run)" : " runs)"),
                    "change", f.changePercent() == null ? Format.NONE
                            : String.format(Locale.ROOT, "%+.1f%%", f.changePercent()),
                    "reason", text(f.reason()));
            ("inconclusive".equals(f.verdict()) ? inconclusive : rows).add(row);
        }
        view.put("rows", rows);
        view.put("inconclusive", inconclusive);
        view.put("ok", ok);
        return view;
    }

    /** A compared figure's unit, as a threshold on it would have it ("number" when the name is not known). */
    private static String unit(String metric) {
        try {
            return ThresholdParser.metric(text(metric)).unit().name().toLowerCase(Locale.ROOT);
        } catch (RuntimeException unknown) {
            return "number";
        }
    }

    /** Failed checks by request and name, informational ones included. */
    private static List<Map<String, Object>> checks(List<Figures> requests) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figures r : requests) {
            if (r.checks() != null) {
                r.checks().forEach((check, count) -> rows.add(Map.of("request", text(r.name()), "check", check,
                        "count", Format.count(count))));
            }
        }
        return rows;
    }

    /**
     * The errors by kind, most frequent first, each with its failures per second as a sparkline when the points break
     * failures down by kind.
     */
    static List<Map<String, Object>> errors(Map<String, Figures.ErrorCount> errors, List<TimePoint> points) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // only the all-requests series breaks its failures down by kind; without that, no line (never a line of zeros)
        boolean byKind = points.stream().anyMatch(p -> p.errors() != null && !p.errors().isEmpty());
        if (errors != null) {
            List<Map.Entry<String, Figures.ErrorCount>> byCount = new ArrayList<>(errors.entrySet());
            byCount.sort(Comparator.comparingLong((Map.Entry<String, Figures.ErrorCount> e) -> e.getValue().count())
                    .reversed());
            for (Map.Entry<String, Figures.ErrorCount> e : byCount) {
                List<Double> perSecond = new ArrayList<>();
                for (TimePoint p : points) {
                    long n = p.errors() == null ? 0 : p.errors().getOrDefault(e.getKey(), 0L);
                    perSecond.add(p.seconds() >= RunCharts.MIN_RATE_SECONDS ? n / p.seconds() : null);
                }
                String spark = !byKind ? null : SvgChart.spark(e.getKey() + " failures per second over the run",
                        perSecond, "/s", "interval");
                rows.add(Map.of("kind", e.getKey(), "count", Format.count(e.getValue().count()),
                        "first", text(e.getValue().firstMessage()), "spark", spark == null ? "" : spark));
            }
        }
        return rows;
    }

    /** The interval points of one request (or {@code ALL}). */
    static List<TimePoint> points(RunResult summary, String name) {
        return summary.timeSeries() == null ? List.of() : listed(summary.timeSeries().get(name));
    }

    static String measured(double value, String unit) {
        return switch (unit) {
            case "percent" -> SvgChart.number(value) + "%";
            case "millis" -> SvgChart.number(value) + " ms";
            case "per_second" -> SvgChart.number(value) + "/s";
            case "bytes" -> SvgChart.number(value / (1024 * 1024)) + " MB";
            case "bytes_per_second" -> SvgChart.number(value / (1024 * 1024)) + " MB/s";
            default -> SvgChart.number(value);
        };
    }

    /** Text for the page: an absent value is empty. */
    static String text(String value) {
        return value == null ? "" : value;
    }

    /** A list from a file, empty when it is absent. */
    static <T> List<T> listed(List<T> list) {
        return list == null ? List.of() : list;
    }
}
