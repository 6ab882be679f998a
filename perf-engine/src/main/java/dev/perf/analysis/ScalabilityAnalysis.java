package dev.perf.analysis;

import java.util.List;

/**
 * What a stepped run says about how the target scales. Computed by {@link ScalabilityAnalyzer}.
 *
 * @param openModel        rate steps (true) or concurrency steps
 * @param levels           every planned level, in order, including those not run
 * @param avgSlope         average response time (ms) against load; {@code null} with {@link #slopeNote()}; extra
 *                         information: a few outliers move it
 * @param medianSlope      median response time (ms) against load; {@code null} with {@link #slopeNote()}
 * @param p95Slope         95th percentile (ms) against load; {@code null} with {@link #slopeNote()}
 * @param slopeNote        why there is no slope, or {@code null}
 * @param degradationStart first level from which the median or the 90th percentile stays at twice its lowest
 *                         (and 1 ms above it) at every heavier level
 * @param breakpoint       first level where the breakpoint condition holds
 * @param optimalLoad      the level with the highest throughput / median response time
 * @param maxSustainable   the highest level that keeps up and holds the thresholds; its value is the throughput
 * @param usl              Universal Scalability Law fit (concurrency steps); {@code null} with {@link #uslNote()}
 * @param uslNote          why there is no fit, or {@code null}
 * @param stoppedEarly     where {@code stopWhen} stopped the run, or {@code null}
 * @param notes            what the levels' figures show beyond the findings (SYN retransmissions), one per level
 */
public record ScalabilityAnalysis(boolean openModel, List<LevelResult> levels, LinearFit avgSlope,
                                  LinearFit medianSlope, LinearFit p95Slope, String slopeNote,
                                  Finding degradationStart, Finding breakpoint, Finding optimalLoad,
                                  Finding maxSustainable, UslFit usl, String uslNote, Stop stoppedEarly,
                                  List<String> notes) {

    /** The analysis metrics a threshold can name, with their units. */
    public static final List<String> METRICS = dev.perf.scenario.Metric.ANALYSIS;

    public ScalabilityAnalysis {
        levels = List.copyOf(levels);
        notes = List.copyOf(notes);
    }

    /** Where the escalation stopped: {@code stopWhen} held after {@code level}. */
    public record Stop(int level, double load, String condition, String measured) {
    }

    /** A figure for thresholds: a value, or none with the reason. */
    public record Figure(Double value, String note) {
    }

    /** The value of an analysis metric named in {@link #METRICS}. */
    public Figure figure(String metric) {
        return switch (metric) {
            case "breakpoint" -> of(breakpoint);
            case "degradation-start" -> of(degradationStart);
            case "optimal-load" -> of(optimalLoad);
            case "max-sustainable-load" -> maxSustainable.status() == Finding.Status.FOUND
                    ? new Figure(maxSustainable.load(), null) : of(maxSustainable);
            case "max-sustainable-rps" -> of(maxSustainable);
            case "avg-slope" -> avgSlope == null ? new Figure(null, slopeNote) : new Figure(avgSlope.slope(), null);
            case "median-slope" -> medianSlope == null ? new Figure(null, slopeNote)
                    : new Figure(medianSlope.slope(), null);
            case "p95-slope" -> p95Slope == null ? new Figure(null, slopeNote) : new Figure(p95Slope.slope(), null);
            default -> usl(metric);
        };
    }

    private Figure usl(String metric) {
        if (usl == null) {
            return new Figure(null, uslNote);
        }
        Double value = switch (metric) {
            case "usl.lambda" -> usl.lambda();
            case "usl.sigma" -> usl.sigma();
            case "usl.kappa" -> usl.kappa();
            case "usl.r2" -> usl.r2();
            case "usl.peak-concurrency" -> usl.peakConcurrency();
            case "usl.peak-throughput" -> usl.peakThroughput();
            default -> throw new IllegalArgumentException("not an analysis metric: " + metric);
        };
        if (value == null) {
            // kappa is 0: throughput keeps rising, the peak is beyond any concurrency
            return new Figure(Double.POSITIVE_INFINITY, "no peak (kappa is 0: throughput keeps rising)");
        }
        return new Figure(value, null);
    }

    private static Figure of(Finding finding) {
        return new Figure(finding.comparable(), finding.status() == Finding.Status.FOUND ? null : finding.text());
    }
}
