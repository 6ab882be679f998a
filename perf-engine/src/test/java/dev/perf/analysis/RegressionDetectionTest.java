package dev.perf.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perf.scenario.Metric;
import dev.perf.scenario.ThresholdParser;

/** The per-run regression check and change points over whole histories, on synthetic data with known answers. */
class RegressionDetectionTest {
    private static final Metric P95 = ThresholdParser.parse("p95 < 1s").metric();
    private static final Metric ERRORS = ThresholdParser.parse("error-rate < 1%").metric();
    private static final Metric RPS = ThresholdParser.parse("rps > 1").metric();

    private static Baselines.Figure baseline(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Baselines.Figure(Medians.of(sorted), sorted[0], sorted[sorted.length - 1], sorted.length,
                sorted);
    }

    @Test
    void aChangeBeyondToleranceAndNoiseRegressesWithinTheNoiseItIsInconclusive() {
        Baselines.Figure tight = baseline(100, 102, 98, 101, 99);
        assertThat(RegressionCheck.judge("ALL", P95, 115, tight, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.REGRESSED);
        assertThat(RegressionCheck.judge("ALL", P95, 104, tight, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.OK);
        assertThat(RegressionCheck.judge("ALL", P95, 85, tight, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.IMPROVED);

        Baselines.Figure noisy = baseline(80, 120, 100, 90, 110);
        RegressionCheck.Finding inconclusive = RegressionCheck.judge("ALL", P95, 115, noisy, 0.10);
        assertThat(inconclusive.verdict()).isEqualTo(RegressionCheck.Verdict.INCONCLUSIVE);
        assertThat(inconclusive.reason()).startsWith("worse than the tolerance, but within the baseline's noise");
        assertThat(inconclusive.changePercent()).isEqualTo(15.0);

        assertThat(RegressionCheck.judge("ALL", P95, 130, baseline(100, 101), 0.10).verdict())
                .isEqualTo(RegressionCheck.Verdict.INCONCLUSIVE);
    }

    @Test
    void theRegressionLimitIsWhereAFigureStartsToRegress() {
        Baselines.Figure tight = baseline(100, 102, 98, 101, 99);
        // tolerance (10 ms) is wider than the noise here: the limit is the median plus the tolerance
        Double limit = RegressionCheck.judge("ALL", P95, 100, tight, 0.10).limit();
        assertThat(limit).isEqualTo(110.0);
        assertThat(RegressionCheck.judge("ALL", P95, 110.5, tight, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.REGRESSED);
        assertThat(RegressionCheck.judge("ALL", P95, 109.5, tight, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.OK);
        // the noise is wider than the tolerance: the limit is the median plus the prediction interval
        Baselines.Figure noisy = baseline(80, 120, 100, 90, 110);
        double noisyLimit = RegressionCheck.judge("ALL", P95, 100, noisy, 0.10).limit();
        assertThat(noisyLimit).isEqualTo(100 + RegressionCheck.noise(noisy));
        assertThat(RegressionCheck.judge("ALL", P95, noisyLimit + 0.1, noisy, 0.10).verdict())
                .isEqualTo(RegressionCheck.Verdict.REGRESSED);
        // throughput regresses downwards; too few runs have no limit
        assertThat(RegressionCheck.judge("ALL", RPS, 100, tight, 0.10).limit()).isEqualTo(90.0);
        assertThat(RegressionCheck.judge("ALL", P95, 100, baseline(100, 101), 0.10).limit()).isNull();
    }

    @Test
    void errorRateUsesPercentagePointsAndThroughputIsWorseWhenLower() {
        Baselines.Figure clean = baseline(0, 0, 0, 0, 0);
        assertThat(RegressionCheck.judge("ALL", ERRORS, 0.3, clean, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.OK);
        assertThat(RegressionCheck.judge("ALL", ERRORS, 2.0, clean, 0.10).verdict())
                .isEqualTo(RegressionCheck.Verdict.REGRESSED);
        Baselines.Figure rps = baseline(1000, 1010, 990, 1005, 995);
        assertThat(RegressionCheck.judge("ALL", RPS, 850, rps, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.REGRESSED);
        assertThat(RegressionCheck.judge("ALL", RPS, 1200, rps, 0.10).verdict()).isEqualTo(RegressionCheck.Verdict.IMPROVED);
    }

    @Test
    void aLastingShiftIsAChangePointAndASingleOutlierIsNot() {
        double[] shifted = new double[30];
        double[] outlier = new double[30];
        for (int i = 0; i < 30; i++) {
            double wobble = (i % 3 - 1) * 0.5;
            shifted[i] = (i < 18 ? 100 : 115) + wobble;
            outlier[i] = 100 + wobble;
        }
        outlier[12] = 200;
        List<ChangePoints.Change> changes = ChangePoints.find(shifted, 1);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.index()).isEqualTo(18);
            assertThat(c.changePercent()).isCloseTo(15, org.assertj.core.api.Assertions.within(1.0));
            assertThat(c.p()).isLessThan(ChangePoints.P_VALUE);
        });
        assertThat(ChangePoints.find(outlier, 1)).isEmpty();
        assertThat(ChangePoints.find(new double[]{1, 2, 3}, 1)).isEmpty();
    }

    /**
     * Many synthetic histories of 40 runs whose p95 has 5% noise: half stable, half with a lasting +10% shift after
     * run 25. Change points must find the shift and leave the stable ones alone; the per-run check against the last
     * 5 runs must not raise alarms on stable histories.
     */
    @Test
    void detectionAndFalseAlarmRatesOverManySyntheticHistories() {
        Random random = new Random(2026);
        int histories = 200;
        int found = 0;
        int foundNearShift = 0;
        int falseChangePoints = 0;
        int checks = 0;
        int falseRegressions = 0;
        int shiftedChecks = 0;
        int regressionsAfterShift = 0;
        int bigStepFlagged = 0;
        for (int h = 0; h < histories; h++) {
            double[] stable = new double[40];
            double[] shifted = new double[40];
            for (int i = 0; i < 40; i++) {
                double noise = 1 + 0.05 * random.nextGaussian();
                stable[i] = 100 * noise;
                shifted[i] = (i < 25 ? 100 : 110) * (1 + 0.05 * random.nextGaussian());
            }
            List<ChangePoints.Change> changes = ChangePoints.find(shifted, h);
            if (!changes.isEmpty()) {
                found++;
                if (changes.stream().anyMatch(c -> Math.abs(c.index() - 25) <= 3)) {
                    foundNearShift++;
                }
            }
            if (!ChangePoints.find(stable, h).isEmpty()) {
                falseChangePoints++;
            }
            for (int i = 5; i < 40; i++) {
                checks++;
                Baselines.Figure base = baseline(Arrays.copyOfRange(stable, i - 5, i));
                if (RegressionCheck.judge("ALL", P95, stable[i], base, 0.10).verdict() == RegressionCheck.Verdict.REGRESSED) {
                    falseRegressions++;
                }
            }
            // one run 30% slower than 5 stable ones: the per-run check should see it at once
            if (RegressionCheck.judge("ALL", P95, 130 * (1 + 0.05 * random.nextGaussian()),
                    baseline(Arrays.copyOfRange(stable, 0, 5)), 0.10).verdict() == RegressionCheck.Verdict.REGRESSED) {
                bigStepFlagged++;
            }
            for (int i = 25; i < 30; i++) {
                shiftedChecks++;
                Baselines.Figure base = baseline(Arrays.copyOfRange(shifted, i - 5, i));
                if (RegressionCheck.judge("ALL", P95, shifted[i], base, 0.10).verdict() == RegressionCheck.Verdict.REGRESSED) {
                    regressionsAfterShift++;
                }
            }
        }
        double detection = foundNearShift * 100.0 / histories;
        double falseAlarms = falseChangePoints * 100.0 / histories;
        double falseRegressionRate = falseRegressions * 100.0 / checks;
        System.out.printf(Locale.ROOT, "change points: +10%% shift found in %.1f%% of %d histories (%.1f%% within 3 runs "
                        + "of it), false alarms on stable histories %.1f%%; per-run check: false regressions %.2f%% of %d "
                        + "checks, regressions flagged in the 5 runs after the +10%% shift %.1f%%, a +30%% run flagged "
                        + "at once %.1f%%%n",
                found * 100.0 / histories, histories, detection, falseAlarms, falseRegressionRate, checks,
                regressionsAfterShift * 100.0 / shiftedChecks, bigStepFlagged * 100.0 / histories);
        assertThat(detection).isGreaterThanOrEqualTo(80);
        assertThat(falseAlarms).isLessThanOrEqualTo(5);
        assertThat(falseRegressionRate).isLessThanOrEqualTo(1);
        assertThat(bigStepFlagged * 100.0 / histories).isGreaterThanOrEqualTo(50);
    }
}
