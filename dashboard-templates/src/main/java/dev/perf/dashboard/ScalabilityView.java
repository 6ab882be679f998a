package dev.perf.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

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

    static void add(JsonNode scalability, Map<String, Object> view) {
        if (scalability.isMissingNode() || scalability.isNull()) {
            return;
        }
        boolean rate = scalability.path("steps").asText().equals("rate");
        String unit = rate ? "req/s" : "users";
        List<Map<String, Object>> findings = new ArrayList<>();
        for (String[] f : new String[][]{{"degradation start", "degradationStart"}, {"breakpoint", "breakpoint"},
                {"optimal load", "optimalLoad"}, {"max sustainable throughput", "maxSustainable"}}) {
            findings.add(Map.of("name", f[0], "text", scalability.path(f[1]).path("text").asText("n/a")));
        }
        JsonNode usl = scalability.path("usl");
        if (!usl.isMissingNode()) {
            findings.add(Map.of("name", "Universal Scalability Law", "text", usl.path("fitted").asBoolean()
                    ? String.format(Locale.ROOT, "lambda %.2f/s per user, sigma %.4f, kappa %.6f, R² %.3f%s",
                    usl.path("lambda").asDouble(), usl.path("sigma").asDouble(), usl.path("kappa").asDouble(),
                    usl.path("r2").asDouble(), usl.path("peakConcurrency").isNumber()
                            ? String.format(Locale.ROOT, ", peak at %.1f users", usl.path("peakConcurrency").asDouble())
                            : "") : usl.path("note").asText()));
        }
        JsonNode stop = scalability.path("stoppedEarly");
        if (stop.isObject()) {
            findings.add(Map.of("name", "stopped early", "text", "stopWhen '" + stop.path("condition").asText()
                    + "' held at level " + stop.path("level").asInt() + " (measured " + stop.path("measured").asText() + ")"));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("findings", findings);
        List<double[]> avg = new ArrayList<>();
        List<double[]> p95 = new ArrayList<>();
        List<double[]> success = new ArrayList<>();
        List<double[]> throughput = new ArrayList<>();
        for (JsonNode level : scalability.path("levels")) {
            if (!level.path("ran").asBoolean()) {
                continue;
            }
            double load = level.path("load").asDouble();
            avg.add(point(load, level.path("avgMs")));
            p95.add(point(load, level.path("p95Ms")));
            success.add(point(load, level.path("successRate")));
            throughput.add(point(load, level.path("throughput")));
        }
        List<SvgChart.Marker> markers = markers(scalability, unit);
        List<Map<String, Object>> charts = new ArrayList<>();
        RunCharts.add(charts, "Response time against load", null, marked(SvgChart.titled("Response time against load")
                .x(unit).y("ms").line("avg", avg).line("p95", p95), markers).svg());
        RunCharts.add(charts, "Success rate against load", null, marked(SvgChart.titled("Success rate against load")
                .x(unit).y("%").line("success rate", success), markers).svg());
        SvgChart tp = SvgChart.titled("Throughput against load").x(unit).y("/s").line("throughput (successes/s)", throughput);
        if (usl.path("fitted").asBoolean() && !throughput.isEmpty()) {
            tp.line("USL fit", uslCurve(usl, throughput));
        }
        RunCharts.add(charts, "Throughput against load", null, marked(tp, markers).svg());
        section.put("charts", charts);
        view.put("scalability", section);
    }

    private static List<double[]> uslCurve(JsonNode usl, List<double[]> levels) {
        double lambda = usl.path("lambda").asDouble();
        double sigma = usl.path("sigma").asDouble();
        double kappa = usl.path("kappa").asDouble();
        double max = levels.get(levels.size() - 1)[0];
        List<double[]> curve = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            double n = max * i / 60;
            curve.add(new double[]{n, lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1))});
        }
        return curve;
    }

    /** Degradation start, breakpoint and optimal load, where found, as vertical lines. */
    private static List<SvgChart.Marker> markers(JsonNode scalability, String unit) {
        List<SvgChart.Marker> markers = new ArrayList<>();
        for (String[] f : new String[][]{{"degradationStart", "degradation starts"}, {"breakpoint", "breakpoint"},
                {"optimalLoad", "optimal load"}}) {
            JsonNode finding = scalability.path(f[0]);
            if (finding.path("status").asText().equals("found") && finding.path("load").isNumber()) {
                double load = finding.path("load").asDouble();
                markers.add(new SvgChart.Marker(load, f[1] + " at " + SvgChart.number(load) + " " + unit));
            }
        }
        return markers;
    }

    private static SvgChart marked(SvgChart chart, List<SvgChart.Marker> markers) {
        markers.forEach(chart::marker);
        return chart;
    }

    private static double[] point(double x, JsonNode y) {
        return new double[]{x, y.isNumber() ? y.asDouble() : Double.NaN};
    }

}
