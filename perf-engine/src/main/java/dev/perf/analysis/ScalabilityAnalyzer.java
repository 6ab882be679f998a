package dev.perf.analysis;

import dev.perf.scenario.LoadKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.perf.scenario.Metric;

/**
 * Computes the {@link ScalabilityAnalysis} of a stepped run from its levels. Pure functions of the level figures,
 * so they are tested on hand-made tables. Throughput here is successful responses per second.
 */
public final class ScalabilityAnalyzer {
    /**
     * A level is degraded when its median, or its 90th percentile, is at least this many times the lowest that
     * statistic was at any lighter level.
     */
    public static final double DEGRADATION_FACTOR = 2.0;
    /** ... and at least this much higher: a rise under a millisecond is loopback noise, not a slower service. */
    public static final double DEGRADATION_MIN_RISE_MILLIS = 1.0;
    /** The tail statistic degradation is also judged on: a handful of outliers per level cannot move it. */
    static final double TAIL_PERCENTILE = 90;
    /** A rate level is sustained when at least this share of the offered rate succeeds. */
    public static final double SUSTAINED_SHARE = 0.95;

    private ScalabilityAnalyzer() {
    }

    /**
     * @param levels       every planned level in run order (those not run have {@code ran == false})
     * @param openModel    rate steps (true) or concurrency steps
     * @param stoppedEarly where {@code stopWhen} stopped the run, or {@code null}
     */
    public static ScalabilityAnalysis analyze(List<LevelResult> levels, boolean openModel,
                                              ScalabilityAnalysis.Stop stoppedEarly) {
        return analyze(levels, openModel, stoppedEarly, true);
    }

    /**
     * @param latencyThresholds whether the run had latency thresholds, which a sustained level must hold: without
     *                          them the maximum sustainable load rests on the success rate alone, and says so
     */
    public static ScalabilityAnalysis analyze(List<LevelResult> levels, boolean openModel,
                                              ScalabilityAnalysis.Stop stoppedEarly, boolean latencyThresholds) {
        List<LevelResult> measured = levels.stream().filter(LevelResult::hasData).toList();
        String slopeNote = null;
        LinearFit avgSlope = null;
        LinearFit medianSlope = null;
        LinearFit p95Slope = null;
        if (measured.size() < 2) {
            slopeNote = "needs at least 2 levels with responses, had " + measured.size();
        } else {
            double[] load = measured.stream().mapToDouble(LevelResult::load).toArray();
            avgSlope = LinearFit.of(load, measured.stream().mapToDouble(l -> l.stats().meanMillis()).toArray());
            medianSlope = LinearFit.of(load, measured.stream().mapToDouble(l -> l.stats().percentileMillis(50))
                    .toArray());
            p95Slope = LinearFit.of(load, measured.stream().mapToDouble(l -> l.stats().percentileMillis(95)).toArray());
        }
        UslFit usl = null;
        String uslNote = null;
        if (openModel) {
            uslNote = "the Universal Scalability Law is fitted to concurrency steps (a stress test); this run stepped rates";
        } else {
            List<LevelResult> fitted = measured.stream().filter(l -> l.goodput() != null && l.goodput() > 0).toList();
            if (fitted.size() < UslFit.MIN_LEVELS) {
                uslNote = "needs at least " + UslFit.MIN_LEVELS + " levels with successful responses, had " + fitted.size();
            } else {
                usl = UslFit.fit(fitted.stream().mapToDouble(LevelResult::load).toArray(),
                        fitted.stream().mapToDouble(LevelResult::goodput).toArray());
                uslNote = usl == null ? "the fit did not converge" : null;
            }
        }
        List<String> notes = new ArrayList<>();
        for (LevelResult level : measured) {
            String note = SynRetransmissions.note(format(level.load(), openModel), SynRetransmissions.connects(level));
            if (note != null) {
                notes.add(note);
            }
        }
        return new ScalabilityAnalysis(openModel, levels, avgSlope, medianSlope, p95Slope, slopeNote,
                degradationStart(levels, openModel), breakpoint(levels, openModel), optimalLoad(measured, openModel),
                maxSustainable(levels, openModel, latencyThresholds), usl, uslNote, stoppedEarly, notes);
    }

    /**
     * The first level from which the service stays slower: degraded (its median or 90th percentile at least
     * {@value #DEGRADATION_FACTOR} times, and {@value #DEGRADATION_MIN_RISE_MILLIS} ms above, the lowest at a lighter
     * level), and so is every heavier level measured. A handful of slow outliers moves neither statistic, and a level
     * that recovers at the next is a blip, not the start of a degradation.
     */
    static Finding degradationStart(List<LevelResult> levels, boolean open) {
        List<LevelResult> measured = levels.stream().filter(LevelResult::hasData).toList();
        if (measured.size() < 2) {
            return Finding.notComputable("needs at least 2 levels with responses");
        }
        String[] why = new String[measured.size()];
        double lowestMedian = measured.get(0).stats().percentileMillis(50);
        double lowestTail = measured.get(0).stats().percentileMillis(TAIL_PERCENTILE);
        String lowestMedianAt = format(measured.get(0).load(), open);
        String lowestTailAt = lowestMedianAt;
        for (int i = 1; i < measured.size(); i++) {
            LevelResult level = measured.get(i);
            double median = level.stats().percentileMillis(50);
            double tail = level.stats().percentileMillis(TAIL_PERCENTILE);
            if (degraded(median, lowestMedian)) {
                why[i] = String.format(Locale.ROOT, "median %s is %.1fx the lowest, %s at %s", millis(median),
                        median / lowestMedian, millis(lowestMedian), lowestMedianAt);
            } else if (degraded(tail, lowestTail)) {
                why[i] = String.format(Locale.ROOT, "p90 %s is %.1fx the lowest, %s at %s", millis(tail),
                        tail / lowestTail, millis(lowestTail), lowestTailAt);
            }
            if (median < lowestMedian) {
                lowestMedian = median;
                lowestMedianAt = format(level.load(), open);
            }
            if (tail < lowestTail) {
                lowestTail = tail;
                lowestTailAt = format(level.load(), open);
            }
        }
        int start = measured.size();
        while (start > 1 && why[start - 1] != null) {
            start--;
        }
        String last = format(measured.get(measured.size() - 1).load(), open);
        if (start < measured.size()) {
            LevelResult level = measured.get(start);
            return Finding.found(level.number(), level.load(), level.load(), format(level.load(), open) + ": "
                    + why[start] + (start == measured.size() - 1 ? " (the heaviest level)"
                    : ", and it stayed up to " + last));
        }
        List<String> blips = new ArrayList<>();
        for (int i = 1; i < measured.size(); i++) {
            if (why[i] != null) {
                blips.add(format(measured.get(i).load(), open));
            }
        }
        return Finding.notReached("not reached up to " + last + ": the median and p90 never stayed at twice their "
                + "lowest" + (blips.isEmpty() ? "" : " (a rise at " + String.join(", ", blips)
                + " did not last to the next level)"));
    }

    /** At least {@value #DEGRADATION_FACTOR} times, and {@value #DEGRADATION_MIN_RISE_MILLIS} ms above, the lowest. */
    private static boolean degraded(double now, double lowest) {
        return now >= DEGRADATION_FACTOR * lowest && now - lowest >= DEGRADATION_MIN_RISE_MILLIS;
    }

    static Finding breakpoint(List<LevelResult> levels, boolean open) {
        LevelResult last = null;
        for (LevelResult level : levels) {
            if (!level.ran()) {
                continue;
            }
            if (level.broken()) {
                return Finding.found(level.number(), level.load(), level.load(), format(level.load(), open)
                        + (level.hasData() ? ": success rate " + percent(level.stats().successRatePercent())
                        : ": no responses"));
            }
            last = level;
        }
        if (last == null) {
            return Finding.notComputable("no level ran");
        }
        return Finding.notReached("not reached up to " + format(last.load(), open));
    }

    static Finding optimalLoad(List<LevelResult> measured, boolean open) {
        LevelResult best = null;
        double bestPower = 0;
        for (LevelResult level : measured) {
            Double goodput = level.goodput();
            double median = level.stats().percentileMillis(50);
            if (goodput == null || goodput <= 0 || median <= 0) {
                continue;
            }
            double power = goodput / median;
            if (power > bestPower) {
                bestPower = power;
                best = level;
            }
        }
        if (best == null) {
            return Finding.notComputable("no level had successful responses");
        }
        return Finding.found(best.number(), best.load(), best.load(), String.format(Locale.ROOT,
                "%s: %.1f/s at a median of %s", format(best.load(), open), best.goodput(),
                millis(best.stats().percentileMillis(50))));
    }

    static Finding maxSustainable(List<LevelResult> levels, boolean open, boolean latencyThresholds) {
        LevelResult best = null;
        List<String> misses = new ArrayList<>();
        for (LevelResult level : levels) {
            if (!level.hasData()) {
                continue;
            }
            Double goodput = level.goodput();
            boolean keepsUp = open ? goodput != null && goodput >= SUSTAINED_SHARE * level.load() : !level.broken();
            if (keepsUp && level.thresholdsHeld() && goodput != null && goodput > 0) {
                if (best == null || (open ? level.load() > best.load() : goodput > best.goodput())) {
                    best = level;
                }
            } else {
                misses.add(format(level.load(), open));
            }
        }
        if (best == null) {
            return misses.isEmpty() ? Finding.notComputable("no level had responses")
                    : Finding.notComputable("no level was sustained (" + (open ? "95% of the offered rate succeeding"
                    : "not broken") + " and thresholds holding)");
        }
        return Finding.found(best.number(), best.load(), best.goodput(), String.format(Locale.ROOT,
                "%.1f/s at %s", best.goodput(), format(best.load(), open)) + (latencyThresholds ? ""
                : " (on the success rate alone: the run had no latency threshold, so this promises no latency)"));
    }

    /** {@code 150/s} or {@code 50 users}. */
    public static String format(double load, boolean open) {
        return (open ? LoadKind.RATE : LoadKind.USERS).format(load);
    }

    private static String millis(double ms) {
        return Metric.formatMillis(ms);
    }

    private static String percent(Double p) {
        return p == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", p);
    }
}
