package dev.perf.result;

import java.util.List;

/**
 * A run's figures compared with its baseline (the median of earlier comparable runs).
 *
 * @param noiseConfidence how sure a change must be to count as more than noise
 * @param regressed       whether any figure regressed
 */
public record Regressions(double tolerancePercent, double noiseConfidence, boolean failOnRegression, boolean regressed,
                          List<Figure> figures) {

    /**
     * @param regressionLimit the value beyond which the figure regressed, or {@code null}
     * @param changePercent   against the baseline's median, or {@code null}
     * @param verdict         ok, improved, regressed or inconclusive
     */
    public record Figure(String request, String metric, double current, double baselineMedian, double baselineSigma,
                         int baselineRuns, Double regressionLimit, Double changePercent, String verdict,
                         String reason) {
    }
}
