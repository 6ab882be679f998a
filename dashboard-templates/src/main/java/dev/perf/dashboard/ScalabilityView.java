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
        String unit = rate ? "/s" : "users";
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
        List<Map<String, Object>> charts = new ArrayList<>();
        add(charts, "Response time against load", SvgChart.line("Response time against load", unit, "ms",
                List.of(new SvgChart.Series("avg", avg), new SvgChart.Series("p95", p95))));
        add(charts, "Success rate against load", SvgChart.line("Success rate against load", unit, "%",
                List.of(new SvgChart.Series("success rate", success))));
        List<SvgChart.Series> tp = new ArrayList<>();
        tp.add(new SvgChart.Series("throughput (successes/s)", throughput));
        if (usl.path("fitted").asBoolean() && !throughput.isEmpty()) {
            tp.add(new SvgChart.Series("USL fit", uslCurve(usl, throughput)));
        }
        add(charts, "Throughput against load", SvgChart.line("Throughput against load", unit, "/s", tp));
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

    private static double[] point(double x, JsonNode y) {
        return new double[]{x, y.isNumber() ? y.asDouble() : Double.NaN};
    }

    private static void add(List<Map<String, Object>> charts, String title, String svg) {
        if (svg != null) {
            charts.add(Map.of("title", title, "svg", svg));
        }
    }
}
