package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.perf.scenario.ThresholdParser;

/** The analysis on hand-made level tables with known answers. */
class ScalabilityAnalyzerTest {
    private static final double SECONDS = 10;

    /** A level of {@code seconds} with {@code okPerSecond} successes, {@code failedPerSecond} failures, all at avgMs. */
    private static LevelResult level(int number, double load, double okPerSecond, double failedPerSecond, double avgMs,
                                     boolean thresholdsHeld) {
        long ok = Math.round(okPerSecond * SECONDS);
        long failed = Math.round(failedPerSecond * SECONDS);
        Histogram h = new Histogram(3);
        if (ok + failed > 0) {
            h.recordValueWithCount(Math.round(avgMs * 1000), ok + failed);
        }
        RequestStats stats = new RequestStats(RequestStats.ALL, ok, failed, 0, SECONDS, h, h.copy(), Map.of(),
                Map.of(), 0, 0);
        boolean broken = ok + failed == 0 || ok * 100.0 / (ok + failed) < 90;
        return new LevelResult(number, load, true, stats, thresholdsHeld, broken);
    }

    private static LevelResult notRun(int number, double load) {
        Histogram h = new Histogram(3);
        return new LevelResult(number, load, false, new RequestStats(RequestStats.ALL, 0, 0, 0, 0, h, h.copy(),
                Map.of(), Map.of(), 0, 0), true, false);
    }

    /** 10, 20, 40, 80, 160/s: keeps up to 80/s, latency knee at 80/s, 160/s fails 40% of requests. */
    private static List<LevelResult> rateSteps(boolean thresholdsHoldAt80) {
        return List.of(
                level(1, 10, 10, 0, 5, true),
                level(2, 20, 20, 0, 5, true),
                level(3, 40, 40, 0, 6, true),
                level(4, 80, 76, 0, 15, thresholdsHoldAt80),
                level(5, 160, 90, 60, 40, false));
    }

    @Test
    void findsDegradationBreakpointOptimalAndSustainableLevels() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(rateSteps(true), true, null);

        // the median, 15 ms, is at least twice the lowest (5 ms), and 40 ms at 160/s stays up
        assertThat(a.degradationStart().level()).isEqualTo(4);
        assertThat(a.degradationStart().text())
                .isEqualTo("80/s: median 15.01ms is 3.0x the lowest, 5.00ms at 10/s, and it stayed up to 160/s");
        // 60% success < 90%
        assertThat(a.breakpoint().level()).isEqualTo(5);
        assertThat(a.breakpoint().value()).isEqualTo(160);
        // throughput / median: 2, 4, 6.7, 5.1, 2.25
        assertThat(a.optimalLoad().level()).isEqualTo(3);
        // 76/s is 95% of 80/s; 160/s delivers 90/s
        assertThat(a.maxSustainable().level()).isEqualTo(4);
        assertThat(a.maxSustainable().value()).isCloseTo(76, within(1e-9));
        assertThat(a.figure("max-sustainable-load").value()).isEqualTo(80);
        // avg against load over all five levels
        // HdrHistogram keeps 3 significant digits, so the means differ from the exact values in the 4th digit
        double[] load = {10, 20, 40, 80, 160};
        double[] avg = {5, 5, 6, 15, 40};
        assertThat(a.avgSlope().slope()).isCloseTo(LinearFit.of(load, avg).slope(), within(1e-3));
        assertThat(a.avgSlope().n()).isEqualTo(5);
        assertThat(a.usl()).isNull();
        assertThat(a.uslNote()).contains("concurrency steps");
    }

    @Test
    void aLevelWhoseThresholdsBreakIsNotSustainable() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(rateSteps(false), true, null);
        assertThat(a.maxSustainable().level()).isEqualTo(3);
        assertThat(a.maxSustainable().value()).isCloseTo(40, within(1e-9));
    }

    @Test
    void oneLevelGivesWhatOneLevelCanAndSaysWhyNotTheRest() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(level(1, 50, 50, 0, 4, true)), true, null);

        assertThat(a.avgSlope()).isNull();
        assertThat(a.slopeNote()).isEqualTo("needs at least 2 levels with responses, had 1");
        assertThat(a.degradationStart().status()).isEqualTo(Finding.Status.NOT_COMPUTABLE);
        assertThat(a.breakpoint().status()).isEqualTo(Finding.Status.NOT_REACHED);
        assertThat(a.breakpoint().text()).isEqualTo("not reached up to 50/s");
        assertThat(a.optimalLoad().level()).isEqualTo(1);
        assertThat(a.maxSustainable().level()).isEqualTo(1);
        assertThat(a.figure("avg-slope").value()).isNull();
        assertThat(a.figure("avg-slope").note()).contains("at least 2 levels");
    }

    @Test
    void allFailingBreaksAtTheFirstLevelAndHasNoOptimumOrSustainableLevel() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(level(1, 10, 0, 10, 1, false),
                level(2, 20, 0, 20, 1, false)), true, null);

        assertThat(a.breakpoint().level()).isEqualTo(1);
        assertThat(a.optimalLoad().status()).isEqualTo(Finding.Status.NOT_COMPUTABLE);
        assertThat(a.optimalLoad().text()).isEqualTo("no level had successful responses");
        assertThat(a.maxSustainable().status()).isEqualTo(Finding.Status.NOT_COMPUTABLE);
        assertThat(a.figure("max-sustainable-rps").value()).isNull();
        assertThat(a.figure("optimal-load").note()).isEqualTo("no level had successful responses");
    }

    @Test
    void flatLatencyNeverDegradesAndHasAZeroSlopeWithoutR2() {
        List<LevelResult> flat = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            flat.add(level(i, i * 10, i * 10, 0, 8, true));
        }
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(flat, true, null);

        assertThat(a.degradationStart().status()).isEqualTo(Finding.Status.NOT_REACHED);
        assertThat(a.figure("degradation-start").value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(a.avgSlope().slope()).isZero();
        assertThat(a.avgSlope().r2()).isNull();
        assertThat(a.breakpoint().status()).isEqualTo(Finding.Status.NOT_REACHED);
        assertThat(a.maxSustainable().level()).isEqualTo(4);
    }

    @Test
    void noisyLatencyOnlyDegradesWhereItReallyDoubles() {
        double[] avg = {10, 12, 9, 11, 25, 24};
        List<LevelResult> levels = new ArrayList<>();
        for (int i = 0; i < avg.length; i++) {
            levels.add(level(i + 1, (i + 1) * 10, (i + 1) * 10, 0, avg[i], true));
        }
        assertThat(ScalabilityAnalyzer.analyze(levels, true, null).degradationStart().level()).isEqualTo(5);
    }

    /**
     * A level of {@code SECONDS} at {@code load}/s, all successful: most at {@code typicalMs}, {@code slow} of them
     * at {@code slowMs} (outliers), {@code tailShare} of them at {@code tailMs} (a real tail).
     */
    private static LevelResult spread(int number, double load, double typicalMs, int slow, double slowMs,
                                      double tailShare, double tailMs) {
        long all = Math.round(load * SECONDS);
        long tail = Math.round(all * tailShare);
        Histogram h = new Histogram(3);
        h.recordValueWithCount(Math.round(typicalMs * 1000), all - slow - tail);
        if (slow > 0) {
            h.recordValueWithCount(Math.round(slowMs * 1000), slow);
        }
        if (tail > 0) {
            h.recordValueWithCount(Math.round(tailMs * 1000), tail);
        }
        RequestStats stats = new RequestStats(RequestStats.ALL, all, 0, 0, SECONDS, h, h.copy(), Map.of(), Map.of(),
                0, 0);
        return new LevelResult(number, load, true, stats, true, false);
    }

    @Test
    void aHandfulOfOneSecondOutliersPerLevelIsNoDegradation() {
        // the case: http.server, 200 -> 3000/s, median 1.13 -> 0.70 -> under 0.5 ms, three ~1 s outliers a level
        List<LevelResult> levels = List.of(
                spread(1, 200, 1.13, 3, 1000, 0, 0),
                spread(2, 500, 0.70, 3, 1000, 0, 0),
                spread(3, 1000, 0.45, 3, 1000, 0, 0),
                spread(4, 1500, 0.40, 3, 1000, 0, 0),
                spread(5, 3000, 0.48, 3, 1000, 0, 0));
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(levels, true, null);

        // the averages did move: 2.6 ms at 200/s, 1.3 ms at 3000/s, but outliers decide nothing
        assertThat(levels.get(0).stats().meanMillis()).isGreaterThan(2.0);
        assertThat(a.degradationStart().status()).isEqualTo(Finding.Status.NOT_REACHED);
        assertThat(a.degradationStart().text())
                .isEqualTo("not reached up to 3000/s: the median and p90 never stayed at twice their lowest");
        // throughput / median: 177, 714, 2222, 3750, 6250: the heaviest level, not the 1500/s the averages chose
        assertThat(a.optimalLoad().level()).isEqualTo(5);
        assertThat(a.optimalLoad().text()).isEqualTo("3000/s: 3000.0/s at a median of 480us");
    }

    @Test
    void aRiseThatRecoversAtTheNextLevelIsABlipNotTheStart() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(
                spread(1, 100, 4, 0, 0, 0, 0),
                spread(2, 200, 12, 0, 0, 0, 0),
                spread(3, 300, 5, 0, 0, 0, 0),
                spread(4, 400, 6, 0, 0, 0, 0)), true, null);
        assertThat(a.degradationStart().status()).isEqualTo(Finding.Status.NOT_REACHED);
        assertThat(a.degradationStart().text()).isEqualTo("not reached up to 400/s: the median and p90 never stayed "
                + "at twice their lowest (a rise at 200/s did not last to the next level)");
    }

    @Test
    void aRiseThatLastsStartsWhereItBeganEvenAfterABlip() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(
                spread(1, 100, 4, 0, 0, 0, 0),
                spread(2, 200, 12, 0, 0, 0, 0),
                spread(3, 300, 5, 0, 0, 0, 0),
                spread(4, 400, 9, 0, 0, 0, 0),
                spread(5, 500, 30, 0, 0, 0, 0)), true, null);
        assertThat(a.degradationStart().level()).isEqualTo(4);
        assertThat(a.degradationStart().text())
                .isEqualTo("400/s: median 9.01ms is 2.3x the lowest, 4.00ms at 100/s, and it stayed up to 500/s");
    }

    @Test
    void aTailThatGrowsDegradesWhileTheMedianStaysFlat() {
        // 20% of the responses slow down: the median stays at 2 ms, the 90th percentile goes from 3 to 40 ms
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(
                spread(1, 100, 2, 0, 0, 0.2, 3),
                spread(2, 200, 2, 0, 0, 0.2, 3),
                spread(3, 300, 2, 0, 0, 0.2, 40),
                spread(4, 400, 2, 0, 0, 0.2, 60)), true, null);
        assertThat(a.degradationStart().level()).isEqualTo(3);
        assertThat(a.degradationStart().text())
                .isEqualTo("300/s: p90 40.03ms is 13.3x the lowest, 3.00ms at 100/s, and it stayed up to 400/s");
    }

    @Test
    void aSubMillisecondDoublingIsNoise() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(
                spread(1, 100, 0.3, 0, 0, 0, 0),
                spread(2, 200, 0.7, 0, 0, 0, 0),
                spread(3, 300, 0.9, 0, 0, 0, 0)), true, null);
        assertThat(a.degradationStart().status()).isEqualTo(Finding.Status.NOT_REACHED);
        ScalabilityAnalysis real = ScalabilityAnalyzer.analyze(List.of(
                spread(1, 100, 0.3, 0, 0, 0, 0),
                spread(2, 200, 1.4, 0, 0, 0, 0)), true, null);
        assertThat(real.degradationStart().level()).as("1.1 ms more is a rise").isEqualTo(2);
        assertThat(real.degradationStart().text()).endsWith("(the heaviest level)");
    }

    @Test
    void theMaximumSustainableLoadSaysWhenItRestsOnTheSuccessRateAlone() {
        assertThat(ScalabilityAnalyzer.analyze(rateSteps(true), true, null, false).maxSustainable().text())
                .isEqualTo("76.0/s at 80/s (on the success rate alone: the run had no latency threshold, so this "
                        + "promises no latency)");
        assertThat(ScalabilityAnalyzer.analyze(rateSteps(true), true, null, true).maxSustainable().text())
                .isEqualTo("76.0/s at 80/s");
    }

    @Test
    void connectsThatWaitedOutASynRetransmissionAreNamedOnTheirLevel() {
        LevelResult quiet = spread(1, 100, 0.5, 0, 0, 0, 0);
        LevelResult retransmitted = withConnects(spread(2, 500, 0.5, 4, 1003, 0, 0), 0.2, 2, 1003, 1, 3004);
        LevelResult connectsFast = withConnects(spread(3, 1000, 0.5, 0, 0, 0, 0), 0.2, 0, 0, 0, 0);
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(withConnects(quiet, 0.2, 0, 0, 0, 0),
                retransmitted, connectsFast), true, null);

        assertThat(a.notes()).containsExactly("500/s: 3 new connections waited out SYN retransmissions (2 took about "
                + "1 s, 1 about 3 s to connect): the target's listen backlog overflowed (raise it, or open connections "
                + "before the load); those requests are this level's slow outliers");
        assertThat(a.degradationStart().status()).isEqualTo(Finding.Status.NOT_REACHED);
        assertThat(a.medianSlope().slope()).isCloseTo(0, within(1e-6));
        assertThat(a.figure("median-slope").value()).isCloseTo(0, within(1e-6));
    }

    /** The level with connect times: ten at {@code fastMs}, and some at {@code slowMs} and {@code slowerMs}. */
    private static LevelResult withConnects(LevelResult level, double fastMs, int slow, double slowMs, int slower,
                                            double slowerMs) {
        Histogram connects = new Histogram(2);
        connects.recordValueWithCount(Math.round(fastMs * 1000), 10);
        if (slow > 0) {
            connects.recordValueWithCount(Math.round(slowMs * 1000), slow);
        }
        if (slower > 0) {
            connects.recordValueWithCount(Math.round(slowerMs * 1000), slower);
        }
        RequestStats s = level.stats();
        RequestStats withPhases = new RequestStats(s.name(), s.ok(), s.failed(), s.dropped(), s.elapsedSeconds(),
                s.latencyMicros(), s.serviceTimeMicros(), s.statusCounts(), s.errorCounts(), 0, 0, Map.of(), null,
                Map.of(), 0, dev.perf.metrics.PhaseTimes.of(Map.of(dev.perf.scenario.Phase.CONNECT, connects)));
        return new LevelResult(level.number(), level.load(), true, withPhases, true, false);
    }

    @Test
    void levelsThatDidNotRunAreLeftOutAndTheStopIsKept() {
        List<LevelResult> levels = new ArrayList<>(rateSteps(true));
        levels.add(notRun(6, 320));
        ScalabilityAnalysis.Stop stop = new ScalabilityAnalysis.Stop(5, 160, "success-rate < 90%", "60.00%");
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(levels, true, stop);

        assertThat(a.breakpoint().level()).isEqualTo(5);
        assertThat(a.avgSlope().n()).isEqualTo(5);
        assertThat(a.stoppedEarly()).isEqualTo(stop);
    }

    @Test
    void concurrencyStepsFitTheUniversalScalabilityLaw() {
        double lambda = 100;
        double sigma = 0.05;
        double kappa = 0.002;
        int[] users = {1, 2, 4, 8, 16, 32, 64};
        List<LevelResult> levels = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            int n = users[i];
            double x = lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
            levels.add(level(i + 1, n, x, 0, n / x * 1000, true));
        }
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(levels, false, null);

        // counts are rounded to whole responses over 10 s, so allow a little more than exact data would need
        assertThat(a.usl()).isNotNull();
        assertThat(a.usl().sigma()).isCloseTo(sigma, within(sigma * 0.05));
        assertThat(a.usl().kappa()).isCloseTo(kappa, within(kappa * 0.05));
        assertThat(a.figure("usl.peak-concurrency").value()).isCloseTo(Math.sqrt((1 - sigma) / kappa), within(1.0));
        // closed model: the sustainable level is the unbroken one with the most throughput (N = 16 here)
        assertThat(a.maxSustainable().load()).isEqualTo(16);
        assertThat(a.breakpoint().text()).isEqualTo("not reached up to 64 users");
    }

    @Test
    void tooFewConcurrencyLevelsForTheLawSayHowManyItNeeds() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(List.of(level(1, 1, 10, 0, 100, true),
                level(2, 2, 19, 0, 105, true), level(3, 4, 30, 0, 133, true)), false, null);

        assertThat(a.usl()).isNull();
        assertThat(a.uslNote()).isEqualTo("needs at least 4 levels with successful responses, had 3");
        assertThat(a.figure("usl.sigma").value()).isNull();
        assertThat(a.figure("usl.sigma").note()).isEqualTo(a.uslNote());
    }

    @Test
    void analysisThresholdsCompareFindingsAndExplainWhatIsMissing() {
        ScalabilityAnalysis a = ScalabilityAnalyzer.analyze(rateSteps(true), true, null);
        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(
                ThresholdParser.parse("breakpoint >= 150/s"),
                ThresholdParser.parse("breakpoint > 200/s"),
                ThresholdParser.parse("optimal-load >= 40/s"),
                ThresholdParser.parse("max-sustainable-rps >= 100")), new RunFigures(null, Map.of(), a, null));
        assertThat(results).extracting(ThresholdResult::passed).containsExactly(true, false, true, false);
        assertThat(results.get(3).describe()).isEqualTo("max-sustainable-rps >= 100  (measured 76.0/s)");

        ScalabilityAnalysis flat = ScalabilityAnalyzer.analyze(List.of(level(1, 10, 10, 0, 5, true),
                level(2, 20, 20, 0, 5, true)), true, null);
        ThresholdResult notReached = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("breakpoint >= 15/s")),
                new RunFigures(null, Map.of(), flat, null)).get(0);
        assertThat(notReached.passed()).isTrue();
        assertThat(notReached.actual()).isNull();
        assertThat(notReached.describe()).isEqualTo("breakpoint >= 15/s  (not reached up to 20/s)");
    }
}
