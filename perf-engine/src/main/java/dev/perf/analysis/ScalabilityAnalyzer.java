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
    /** A level's average response time at least this many times the previous level's marks the degradation start. */
    public static final double DEGRADATION_FACTOR = 2.0;
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
        List<LevelResult> measured = levels.stream().filter(LevelResult::hasData).toList();
        String slopeNote = null;
        LinearFit avgSlope = null;
        LinearFit p95Slope = null;
        if (measured.size() < 2) {
            slopeNote = "needs at least 2 levels with responses, had " + measured.size();
        } else {
            double[] load = measured.stream().mapToDouble(LevelResult::load).toArray();
            avgSlope = LinearFit.of(load, measured.stream().mapToDouble(l -> l.stats().meanMillis()).toArray());
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
        return new ScalabilityAnalysis(openModel, levels, avgSlope, p95Slope, slopeNote,
                degradationStart(levels, openModel), breakpoint(levels, openModel), optimalLoad(measured, openModel),
                maxSustainable(levels, openModel), usl, uslNote, stoppedEarly);
    }

    static Finding degradationStart(List<LevelResult> levels, boolean open) {
        LevelResult previous = null;
        int compared = 0;
        for (LevelResult level : levels) {
            if (!level.hasData()) {
                continue;
            }
            if (previous != null) {
                compared++;
                double before = previous.stats().meanMillis();
                double now = level.stats().meanMillis();
                if (before > 0 && now >= DEGRADATION_FACTOR * before) {
                    return Finding.found(level.number(), level.load(), level.load(), String.format(Locale.ROOT,
                            "%s: average %s is %.1fx the %s at %s", format(level.load(), open), millis(now),
                            now / before, millis(before), format(previous.load(), open)));
                }
            }
            previous = level;
        }
        if (compared == 0) {
            return Finding.notComputable("needs at least 2 levels with responses");
        }
        return Finding.notReached("not reached up to " + format(previous.load(), open) + ": the average response time "
                + "never doubled from one level to the next");
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
            double avg = level.stats().meanMillis();
            if (goodput == null || goodput <= 0 || avg <= 0) {
                continue;
            }
            double power = goodput / avg;
            if (power > bestPower) {
                bestPower = power;
                best = level;
            }
        }
        if (best == null) {
            return Finding.notComputable("no level had successful responses");
        }
        return Finding.found(best.number(), best.load(), best.load(), String.format(Locale.ROOT,
                "%s: %.1f/s at %s average", format(best.load(), open), best.goodput(), millis(best.stats().meanMillis())));
    }

    static Finding maxSustainable(List<LevelResult> levels, boolean open) {
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
                "%.1f/s at %s", best.goodput(), format(best.load(), open)));
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
