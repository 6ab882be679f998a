package dev.perf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.analysis.Baselines;
import dev.perf.analysis.RegressionCheck;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The comparison with the baseline, on the console and in summary.json. */
public final class RegressionReport {

    private RegressionReport() {
    }

    /** @param baselines {@code null} when there is no history */
    public static void print(List<RegressionCheck.Finding> findings, Baselines baselines, boolean failOnRegression,
                             Consumer<String> out) {
        if (baselines == null) {
            return;
        }
        if (findings.isEmpty()) {
            out.accept("  regressions: not checked, no baseline yet (" + baselines.whyNone() + ")");
            return;
        }
        Map<RegressionCheck.Verdict, Long> counts = RegressionCheck.counts(findings);
        out.accept("  regressions against the baseline: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).toList().toString()
                .replaceAll("[\\[\\]]", "")
                + (RegressionCheck.regressed(findings) && !failOnRegression ? " (reported; -Dperf.failOnRegression=true "
                + "fails the build)" : ""));
        for (RegressionCheck.Finding f : findings) {
            if (f.verdict() == RegressionCheck.Verdict.OK) {
                continue;
            }
            out.accept("    " + f.verdict() + "  " + f.request() + " " + f.metric() + ": " + f.shown()
                    + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", f.changePercent()))
                    + ": " + f.reason());
        }
    }

    /**
     * For summary.json: each figure's verdict.
     *
     * @param tolerance the relative tolerance, or {@code null} without a history (then the result is {@code null})
     */
    public static ObjectNode json(List<RegressionCheck.Finding> findings, Double tolerance, boolean failOnRegression) {
        if (tolerance == null) {
            return null;
        }
        ObjectNode node = SummaryJson.mapper().createObjectNode();
        node.put("tolerancePercent", tolerance * 100);
        node.put("noiseConfidence", RegressionCheck.CONFIDENCE);
        node.put("failOnRegression", failOnRegression);
        node.put("regressed", RegressionCheck.regressed(findings));
        ArrayNode figures = node.putArray("figures");
        for (RegressionCheck.Finding f : findings) {
            ObjectNode figure = figures.addObject();
            figure.put("request", f.request());
            figure.put("metric", f.metric());
            figure.put("current", f.current());
            figure.put("baselineMedian", f.baseline().median());
            figure.put("baselineSigma", f.baseline().sigma());
            figure.put("baselineRuns", f.baseline().runs());
            SummaryJson.putNullable(figure, "regressionLimit", f.limit());
            SummaryJson.putNullable(figure, "changePercent", f.changePercent());
            figure.put("verdict", f.verdict().name().toLowerCase(Locale.ROOT));
            figure.put("reason", f.reason());
        }
        return node;
    }
}
