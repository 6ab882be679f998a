package dev.perf.dashboard;

import dev.perf.history.HistoryQuery;
import dev.perf.history.RunInfo;
import dev.perf.history.TrendPoint;
import dev.perf.result.Regressions;
import dev.perf.result.ScalabilityResult;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The view model of a scenario's trend page: its runs with their figures (percentiles from each run's histogram),
 * the baseline each run was judged against as a band (from the median to the limit beyond which it would have
 * regressed), regressions flagged, change points marked, each point linked to its run's page; and the same figures
 * by day, from the merged histograms of each day's runs.
 */
final class TrendView {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What the history holds for one scenario, gathered by the renderer.
     *
     * @param regressions each run's comparison with its baseline by run id: a {@code null} value when it was not
     *                    checked, no entry when the run's result files are not known
     * @param scalability a stepped run's analysis by run id (no entry for other runs)
     */
    record Input(String scenario, List<RunInfo> runs, Map<String, TrendPoint> figures,
                 Map<String, Regressions> regressions, Map<String, ScalabilityResult> scalability,
                 List<TrendPoint> days, List<HistoryQuery.ChangePoint> changes, Set<String> pages, boolean tracked) {
    }

    private TrendView() {
    }

    static Map<String, Object> of(Input in) {
        List<RunInfo> runs = in.runs().stream().filter(r -> in.figures().containsKey(r.runId())).toList();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scenario", in.scenario());
        view.put("runCount", runs.size());
        view.put("first", runs.isEmpty() ? "" : FULL.format(runs.get(0).start()));
        view.put("last", runs.isEmpty() ? "" : FULL.format(runs.get(runs.size() - 1).start()));
        List<Map<String, Object>> charts = new ArrayList<>();
        Function<Double, String> label = x -> {
            int i = (int) Math.round(x);
            return i >= 0 && i < runs.size() ? SHORT.format(runs.get(i).start()) : "";
        };
        boolean stepped = runs.stream().anyMatch(r -> in.scalability().containsKey(r.runId()));
        view.put("stepped", stepped);
        if (stepped) {
            capacityChart(charts, runs, in, label);
        }
        SvgChart latency = SvgChart.titled("Latency across runs").xLabels(label::apply).y("ms");
        latency.line(series("p50", runs, in, p -> p.p50Ms(), null));
        latency.line(series("p95", runs, in, p -> p.p95Ms(), "p95"));
        latency.line(series("p99", runs, in, p -> p.p99Ms(), "p99"));
        latency.band(band("p95 baseline: median to regression limit", runs, in, "p95"));
        List<Map<String, Object>> changes = changes(in, runs, latency);
        RunCharts.add(charts, "Latency across runs", "Each point is one run; click it to open the run. The band is the "
                + "p95 baseline the run was judged against; a ringed point regressed.", latency);
        if (in.tracked()) {
            costCharts(charts, runs, in, label);
        } else if (!stepped) {
            // a stepped run's whole-run throughput is the mix of its levels: its capacity chart says more
            SvgChart rps = SvgChart.titled("Throughput across runs").xLabels(label::apply).y("req/s")
                    .line(series("responses per second", runs, in, TrendPoint::rps, "rps"))
                    .band(band("baseline: median to regression limit", runs, in, "rps"));
            RunCharts.add(charts, "Throughput across runs", null, rps);
        }
        SvgChart errors = SvgChart.titled("Error rate across runs").xLabels(label::apply).y("%")
                .line(series("error rate", runs, in, p -> p.successRate() == null ? null : 100 - p.successRate(),
                        "error-rate"))
                .band(band("baseline: median to regression limit", runs, in, "error-rate"));
        RunCharts.add(charts, "Error rate across runs", null, errors);
        SvgChart cpu = SvgChart.titled("CPU across runs (average over each run)").xLabels(label::apply).y("%");
        if (!in.tracked()) {
            cpu.line(series("target", runs, in, p -> p.resources().get("target.cpu.avg"), null));
        }
        cpu.line(series(in.tracked() ? "test JVM" : "generator", runs, in, p -> p.resources().get("generator.cpu.avg"),
                        null))
                .line(series("machine", runs, in, p -> p.resources().get("machine.cpu.avg"), null));
        RunCharts.add(charts, "CPU across runs", "Average over each run. Machine: % of all CPUs; processes: % of one core.",
                cpu);
        if (!in.tracked()) {
            SvgChart memory = SvgChart.titled("Target memory across runs (peak resident)").xLabels(label::apply).y("MB")
                    .line(series("target peak", runs, in, p -> {
                        Double bytes = p.resources().get("target.memory.max");
                        return bytes == null ? null : bytes / (1024 * 1024);
                    }, null));
            RunCharts.add(charts, "Target memory across runs", null, memory);
        }
        view.put("charts", charts);
        view.put("changes", changes);
        view.put("dayCharts", dayCharts(in.days()));
        view.put("days", dayRows(in.days()));
        view.put("runs", runRows(runs, in));
        return view;
    }

    /**
     * A stepped test's capacity over builds: the load at its breakpoint, the throughput it sustained and its heaviest
     * level. A run whose breakpoint was not reached has no breakpoint point: its heaviest level says how far it went.
     */
    private static void capacityChart(List<Map<String, Object>> charts, List<RunInfo> runs, Input in,
                                      Function<Double, String> label) {
        boolean rates = true;
        List<SvgChart.Point> breakpoint = new ArrayList<>();
        List<SvgChart.Point> sustainable = new ArrayList<>();
        List<SvgChart.Point> heaviest = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String runId = runs.get(i).runId();
            ScalabilityResult s = in.scalability().get(runId);
            String link = in.pages().contains(runId) ? "../" + runId + "/index.html" : null;
            if (s == null) {
                continue;
            }
            rates = s.rateSteps();
            breakpoint.add(new SvgChart.Point(i, found(s.breakpoint(), ScalabilityResult.Finding::load), link, false));
            sustainable.add(new SvgChart.Point(i, found(s.maxSustainable(), ScalabilityResult.Finding::value), link,
                    false));
            heaviest.add(new SvgChart.Point(i, heaviestLevel(s), link, false));
        }
        // rate steps share one unit (per second); users and throughput do not, and get a chart each
        SvgChart chart = SvgChart.titled("Capacity across runs").xLabels(label::apply).y(rates ? "/s" : "users")
                .line(new SvgChart.Series("breakpoint", breakpoint));
        if (rates) {
            chart.line(new SvgChart.Series("max sustainable throughput", sustainable));
        }
        chart.line(new SvgChart.Series("heaviest level run", heaviest));
        RunCharts.add(charts, "Capacity across runs", "Each point is one stepped run; click it to open the run. A run "
                + "that never broke has no breakpoint point: its heaviest level says how far it went.", chart);
        if (!rates) {
            RunCharts.add(charts, "Max sustainable throughput across runs", null, SvgChart
                    .titled("Max sustainable throughput across runs").xLabels(label::apply).y("/s")
                    .line(new SvgChart.Series("successes per second", sustainable)));
        }
    }

    private static double found(ScalabilityResult.Finding finding,
                                Function<ScalabilityResult.Finding, Double> value) {
        return finding == null || !finding.found() ? Double.NaN : Format.orNaN(value.apply(finding));
    }

    /** A tracked test's cost per execution: the running thread's CPU time and heap allocations. */
    private static void costCharts(List<Map<String, Object>> charts, List<RunInfo> runs, Input in,
                                   Function<Double, String> label) {
        SvgChart cpu = SvgChart.titled("CPU time per execution across runs").xLabels(label::apply).y("ms")
                .line(series("CPU time", runs, in, p -> p.resources().get(HistoryQuery.OPERATION_CPU_MS), null));
        RunCharts.add(charts, "CPU time per execution across runs", "The CPU time of the thread that ran each tracked "
                + "execution, averaged over the run's executions; work handed to other threads is not in it.", cpu);
        SvgChart allocated = SvgChart.titled("Heap allocated per execution across runs").xLabels(label::apply).y("KB")
                .line(series("allocated", runs, in, p -> {
                    Double bytes = p.resources().get(HistoryQuery.OPERATION_ALLOCATED_BYTES);
                    return bytes == null ? null : bytes / 1024;
                }, null));
        RunCharts.add(charts, "Heap allocated per execution across runs", "Bytes the running thread allocated per "
                + "execution, averaged over the run's executions.", allocated);
    }

    private static SvgChart.Series series(String name, List<RunInfo> runs, Input in, Function<TrendPoint, Double> value,
                                          String regressionMetric) {
        List<SvgChart.Point> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunInfo run = runs.get(i);
            Double v = value.apply(in.figures().get(run.runId()));
            String link = in.pages().contains(run.runId()) ? "../" + run.runId() + "/index.html" : null;
            Regressions.Figure compared = regressionMetric == null ? null : figure(in, run.runId(), regressionMetric);
            boolean regressed = compared != null && "regressed".equals(compared.verdict());
            points.add(new SvgChart.Point(i, Format.orNaN(v), link, regressed));
        }
        return new SvgChart.Series(name, points);
    }

    /** The run's comparison of a whole-scenario figure with its baseline, or {@code null}. */
    private static Regressions.Figure figure(Input in, String runId, String metric) {
        Regressions regressions = in.regressions().get(runId);
        if (regressions != null && regressions.figures() != null) {
            for (Regressions.Figure f : regressions.figures()) {
                if ("ALL".equals(f.request()) && metric.equals(f.metric())) {
                    return f;
                }
            }
        }
        return null;
    }

    private static SvgChart.Band band(String name, List<RunInfo> runs, Input in, String metric) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Regressions.Figure f = figure(in, runs.get(i).runId(), metric);
            if (f != null && f.regressionLimit() != null) {
                double median = f.baselineMedian();
                double limit = f.regressionLimit();
                points.add(new double[]{i, Math.max(0, Math.min(median, limit)), Math.max(median, limit)});
            }
        }
        return new SvgChart.Band(name, points);
    }

    private static List<Map<String, Object>> changes(Input in, List<RunInfo> runs, SvgChart chart) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HistoryQuery.ChangePoint c : in.changes()) {
            int index = -1;
            for (int i = 0; i < runs.size(); i++) {
                if (runs.get(i).runId().equals(c.runId())) {
                    index = i;
                }
            }
            String text = String.format(Locale.ROOT, "p95 %s ms → %s ms (%+.1f%%)", SvgChart.number(c.before()),
                    SvgChart.number(c.after()), c.changePercent());
            if (index >= 0) {
                chart.marker(new SvgChart.Marker(index - 0.5, "change: " + String.format(Locale.ROOT, "%+.0f%%",
                        c.changePercent())));
            }
            rows.add(Map.of("runId", c.runId(), "link", in.pages().contains(c.runId()) ? "../" + c.runId() + "/index.html"
                    : "", "text", text, "p", String.format(Locale.ROOT, "%.3f", c.p())));
        }
        return rows;
    }

    private static List<Map<String, Object>> dayCharts(List<TrendPoint> days) {
        List<Map<String, Object>> charts = new ArrayList<>();
        if (days.size() < 2) {
            return charts;
        }
        Function<Double, String> label = x -> {
            int i = (int) Math.round(x);
            return i >= 0 && i < days.size() ? days.get(i).label().substring(5) : "";
        };
        SvgChart latency = SvgChart.titled("Latency by day").xLabels(label::apply).y("ms");
        latency.line(dayLine("p50", days, TrendPoint::p50Ms)).line(dayLine("p95", days, TrendPoint::p95Ms))
                .line(dayLine("p99", days, TrendPoint::p99Ms));
        RunCharts.add(charts, "Latency by day", "Percentiles of each day's runs together, from their merged histograms.",
                latency);
        RunCharts.add(charts, "Throughput by day", null, SvgChart.titled("Throughput by day").xLabels(label::apply)
                .y("req/s").line(dayLine("responses per second", days, TrendPoint::rps)));
        RunCharts.add(charts, "Error rate by day", null, SvgChart.titled("Error rate by day").xLabels(label::apply)
                .y("%").line(dayLine("error rate", days, p -> p.successRate() == null ? null : 100 - p.successRate()))
                );
        RunCharts.add(charts, "CPU by day", "Averages weighted by samples. Machine: % of all CPUs; processes: % of one "
                + "core.", SvgChart.titled("CPU by day").xLabels(label::apply).y("%")
                .line(dayLine("target", days, p -> p.resources().get("target.cpu.avg")))
                .line(dayLine("generator", days, p -> p.resources().get("generator.cpu.avg")))
                .line(dayLine("machine", days, p -> p.resources().get("machine.cpu.avg"))));
        return charts;
    }

    private static SvgChart.Series dayLine(String name, List<TrendPoint> days, Function<TrendPoint, Double> value) {
        List<SvgChart.Point> points = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            points.add(SvgChart.Point.of(i, Format.orNaN(value.apply(days.get(i)))));
        }
        return new SvgChart.Series(name, points);
    }

    private static List<Map<String, Object>> dayRows(List<TrendPoint> days) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0; i--) {
            TrendPoint d = days.get(i);
            Map<String, Object> row = figures(d);
            row.put("day", d.label());
            row.put("runs", d.runs());
            rows.add(row);
        }
        return rows;
    }

    /** Newest first. */
    private static List<Map<String, Object>> runRows(List<RunInfo> runs, Input in) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunInfo run = runs.get(i);
            Map<String, Object> row = figures(in.figures().get(run.runId()));
            row.put("runId", run.runId());
            row.put("link", in.pages().contains(run.runId()) ? "../" + run.runId() + "/index.html" : "");
            row.put("time", MINUTE.format(run.start()));
            row.put("verdict", run.verdict());
            row.put("revision", (run.gitBranch() == null ? "" : run.gitBranch())
                    + (run.gitCommit() == null ? "" : " " + run.gitCommit().substring(0, Math.min(8, run.gitCommit().length())))
                    + (run.environment() == null ? "" : " · " + run.environment()));
            // a run recorded before the history kept result files has no entry
            row.put("regressions", !in.regressions().containsKey(run.runId()) ? Format.NONE
                    : regressionText(in.regressions().get(run.runId())));
            ScalabilityResult capacity = in.scalability().get(run.runId());
            row.put("breakpoint", capacity == null ? Format.NONE : findingText(capacity.breakpoint(), capacity));
            row.put("sustainable", capacity == null || capacity.maxSustainable() == null
                    || !capacity.maxSustainable().found() ? Format.NONE
                    : SvgChart.number(capacity.maxSustainable().value()) + "/s");
            rows.add(row);
        }
        return rows;
    }

    /** "300/s" where found; "not reached (500/s)" with the heaviest level run otherwise. */
    private static String findingText(ScalabilityResult.Finding finding, ScalabilityResult s) {
        String suffix = s.rateSteps() ? "/s" : " users";
        if (finding != null && finding.found() && finding.load() != null) {
            return SvgChart.number(finding.load()) + suffix;
        }
        double top = heaviestLevel(s);
        return Double.isNaN(top) ? Format.NONE : "not reached (" + SvgChart.number(top) + suffix + ")";
    }

    /** The load of the heaviest level that ran, or NaN when none did. */
    private static double heaviestLevel(ScalabilityResult s) {
        return RunView.listed(s.levels()).stream().filter(ScalabilityResult.Level::ran)
                .mapToDouble(ScalabilityResult.Level::load).max().orElse(Double.NaN);
    }

    private static Map<String, Object> figures(TrendPoint p) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("count", Format.count(p.count()));
        row.put("success", Format.percent(p.successRate()));
        row.put("rps", Format.fixed(p.rps(), 1));
        row.put("p50", Format.fixed(p.p50Ms(), 2));
        row.put("p95", Format.fixed(p.p95Ms(), 2));
        row.put("p99", Format.fixed(p.p99Ms(), 2));
        return row;
    }

    /** "p95 +35.2%, p99 +40.1%" for the figures that regressed; "none"; or why nothing was compared. */
    private static String regressionText(Regressions regressions) {
        if (regressions == null) {
            return "not checked";
        }
        if (regressions.figures() == null || regressions.figures().isEmpty()) {
            return "no baseline";
        }
        List<String> regressed = new ArrayList<>();
        for (Regressions.Figure f : regressions.figures()) {
            if ("regressed".equals(f.verdict())) {
                regressed.add(("ALL".equals(f.request()) ? "" : f.request() + " ") + f.metric()
                        + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " %+.1f%%", f.changePercent())));
            }
        }
        return regressed.isEmpty() ? "none" : String.join(", ", regressed);
    }
}
