package dev.perf.report;

import dev.perf.analysis.Baselines;
import dev.perf.analysis.RegressionCheck;
import dev.perf.result.Regressions;

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
    public static Regressions json(List<RegressionCheck.Finding> findings, Double tolerance, boolean failOnRegression) {
        if (tolerance == null) {
            return null;
        }
        List<Regressions.Figure> figures = findings.stream().map(f -> new Regressions.Figure(f.request(), f.metric(),
                f.current(), f.baseline().median(), f.baseline().sigma(), f.baseline().runs(),
                SummaryJson.number(f.limit()), SummaryJson.number(f.changePercent()),
                f.verdict().name().toLowerCase(Locale.ROOT), f.reason())).toList();
        return new Regressions(tolerance * 100, RegressionCheck.CONFIDENCE, failOnRegression,
                RegressionCheck.regressed(findings), figures);
    }
}
