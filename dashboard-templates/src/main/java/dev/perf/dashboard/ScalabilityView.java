package dev.perf.dashboard;

import dev.perf.result.ScalabilityResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scalability part of a stepped run's page: the findings as text, and response time, success rate and
 * throughput against load, with the Universal Scalability Law's curve over the throughput when it was fitted.
 */
final class ScalabilityView {

    private ScalabilityView() {
    }

    static void add(ScalabilityResult scalability, Map<String, Object> view) {
        if (scalability == null) {
            return;
        }
        String unit = scalability.rateSteps() ? "req/s" : "users";
        List<Map<String, Object>> findings = new ArrayList<>();
        findings.add(finding("degradation start", scalability.degradationStart()));
        findings.add(finding("breakpoint", scalability.breakpoint()));
        findings.add(finding("optimal load", scalability.optimalLoad()));
        findings.add(finding("max sustainable throughput", scalability.maxSustainable()));
        ScalabilityResult.Usl usl = scalability.usl();
        ScalabilityResult.UslFit fit = usl != null && usl.fitted() ? usl.fit() : null;
        if (usl != null) {
            findings.add(Map.of("name", "Universal Scalability Law", "text", fit != null
                    ? String.format(Locale.ROOT, "lambda %.2f/s per user, sigma %.4f, kappa %.6f, R² %.3f%s",
                    fit.lambda(), fit.sigma(), fit.kappa(), fit.r2(), fit.peakConcurrency() != null
                            ? String.format(Locale.ROOT, ", peak at %.1f users", fit.peakConcurrency()) : "")
                    : RunView.text(usl.note())));
        }
        if (scalability.notes() != null) {
            scalability.notes().forEach(note -> findings.add(Map.of("name", "note", "text", RunView.text(note))));
        }
        ScalabilityResult.Stop stop = scalability.stoppedEarly();
        if (stop != null) {
            findings.add(Map.of("name", "stopped early", "text", "stopWhen '" + RunView.text(stop.condition())
                    + "' held at level " + stop.level() + " (measured " + RunView.text(stop.measured()) + ")"));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("findings", findings);
        section.put("loadHeading", scalability.rateSteps() ? "offered" : "users");
        section.put("loadText", scalability.rateSteps() ? "the rate offered" : "the users running");
        section.put("levels", levels(scalability));
        List<double[]> avg = new ArrayList<>();
        List<double[]> p95 = new ArrayList<>();
        List<double[]> success = new ArrayList<>();
        List<double[]> throughput = new ArrayList<>();
        for (ScalabilityResult.Level level : RunView.listed(scalability.levels())) {
            ScalabilityResult.LevelFigures measured = level.measured();
            if (!level.ran() || measured == null) {
                continue;
            }
            avg.add(new double[]{level.load(), Format.orNaN(measured.avgMs())});
            p95.add(new double[]{level.load(), Format.orNaN(measured.p95Ms())});
            success.add(new double[]{level.load(), Format.orNaN(measured.successRate())});
            throughput.add(new double[]{level.load(), Format.orNaN(measured.throughput())});
        }
        List<SvgChart.Marker> markers = markers(scalability, unit);
        List<Map<String, Object>> charts = new ArrayList<>();
        RunCharts.add(charts, "Response time against load", null, marked(SvgChart.titled("Response time against load")
                .x(unit).y("ms").line("avg", avg).line("p95", p95), markers));
        RunCharts.add(charts, "Success rate against load", null, marked(SvgChart.titled("Success rate against load")
                .x(unit).y("%").line("success rate", success), markers));
        SvgChart tp = SvgChart.titled("Throughput against load").x(unit).y("/s").line("throughput (successes/s)", throughput);
        if (fit != null && !throughput.isEmpty()) {
            tp.line("USL fit", uslCurve(fit, throughput));
        }
        RunCharts.add(charts, "Throughput against load", null, marked(tp, markers));
        section.put("charts", charts);
        view.put("scalability", section);
    }

    /** One row per level, as the console's level table has it: what was offered, served, and how fast. */
    private static List<Map<String, Object>> levels(ScalabilityResult scalability) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Integer breakpoint = scalability.breakpoint() != null && scalability.breakpoint().found()
                ? scalability.breakpoint().level() : null;
        for (ScalabilityResult.Level level : RunView.listed(scalability.levels())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("level", level.level());
            row.put("load", SvgChart.number(level.load()) + (scalability.rateSteps() ? "/s" : ""));
            ScalabilityResult.LevelFigures m = level.measured();
            row.put("ran", level.ran() && m != null);
            if (level.ran() && m != null) {
                row.put("throughput", Format.fixed(m.throughput(), 1));
                row.put("rps", Format.fixed(m.rps(), 1));
                row.put("success", Format.percent(m.successRate()));
                row.put("p50", Format.fixed(m.p50Ms(), 2));
                row.put("p95", Format.fixed(m.p95Ms(), 2));
                row.put("p99", Format.fixed(m.p99Ms(), 2));
                row.put("max", Format.fixed(m.maxMs(), 2));
                row.put("errors", Format.count(m.errors()));
                row.put("dropped", Format.count(m.dropped()));
                row.put("state", m.broken() ? (Integer.valueOf(level.level()).equals(breakpoint) ? "breakpoint"
                        : "broken") : m.thresholdsHeld() ? "held" : "thresholds broken");
                row.put("stateClass", m.broken() ? "fail" : m.thresholdsHeld() ? "pass" : "fail");
            }
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> finding(String name, ScalabilityResult.Finding finding) {
        return Map.of("name", name, "text", finding == null || finding.text() == null ? Format.NONE : finding.text());
    }

    private static List<double[]> uslCurve(ScalabilityResult.UslFit usl, List<double[]> levels) {
        double max = levels.get(levels.size() - 1)[0];
        List<double[]> curve = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            double n = max * i / 60;
            curve.add(new double[]{n, usl.lambda() * n / (1 + usl.sigma() * (n - 1) + usl.kappa() * n * (n - 1))});
        }
        return curve;
    }

    /** Degradation start, breakpoint and optimal load, where found, as vertical lines. */
    private static List<SvgChart.Marker> markers(ScalabilityResult scalability, String unit) {
        List<SvgChart.Marker> markers = new ArrayList<>();
        Map<String, ScalabilityResult.Finding> found = new LinkedHashMap<>();
        found.put("degradation starts", scalability.degradationStart());
        found.put("breakpoint", scalability.breakpoint());
        found.put("optimal load", scalability.optimalLoad());
        found.forEach((name, finding) -> {
            if (finding != null && finding.found() && finding.load() != null) {
                markers.add(new SvgChart.Marker(finding.load(), name + " at " + SvgChart.number(finding.load()) + " "
                        + unit));
            }
        });
        return markers;
    }

    private static SvgChart marked(SvgChart chart, List<SvgChart.Marker> markers) {
        markers.forEach(chart::marker);
        return chart;
    }
}
