package dev.perf.metrics;

import dev.perf.scenario.Metric;
import dev.perf.scenario.Phase;
import dev.perf.scenario.Threshold;

/** The value a threshold's metric has in a request's figures. */
public final class Measures {

    private Measures() {
    }

    /** What {@code threshold} compares: on the successful responses unless it says {@code responses: all}. */
    public static Double of(Threshold threshold, RequestStats stats) {
        return threshold.allResponses() ? ofAll(threshold.metric(), stats) : of(threshold.metric(), stats);
    }

    /**
     * The measured value, or {@code null} when it cannot be computed (no data). Latency figures cover the successful
     * responses (when the failed ones' latencies are known): a refusal in 1 ms must not make a broken service look
     * fast. {@code null} when no response succeeded.
     */
    public static Double of(Metric metric, RequestStats stats) {
        return ofAll(metric, metric.isLatency() ? stats.successful() : stats);
    }

    /** The measured value over every completed response, failures included; {@code null} when it cannot be computed. */
    public static Double ofAll(Metric metric, RequestStats stats) {
        Phase phase = metric.phase();
        if (phase != null) {
            return ofPhase(metric, phase, stats);
        }
        return switch (metric.name()) {
            case "success-rate" -> stats.successRatePercent();
            case "error-rate" -> stats.errorRatePercent();
            case "avg" -> stats.meanMillis();
            case "min" -> stats.minMillis();
            case "max" -> stats.maxMillis();
            case "stddev" -> stats.stdDevMillis();
            case "rps" -> stats.rps();
            case "count" -> stats.count() == 0 ? null : (double) stats.count();
            case "dropped" -> (double) stats.dropped();
            case "dropped-rate" -> stats.droppedRatePercent();
            case Metric.CHECKS_NOT_JUDGED -> (double) stats.checksNotJudgedCount();
            default -> metric.isApdex() ? stats.apdex(metric.percentile()) : stats.percentileMillis(metric.percentile());
        };
    }

    /**
     * A phase's figure over the exchanges where it happened; {@code null} where it never did (no TLS over HTTP), except
     * its count: how many went through it, 0 when none of the requests that completed did.
     */
    private static Double ofPhase(Metric metric, Phase phase, RequestStats stats) {
        PhaseTimes times = stats.phases();
        return switch (metric.phaseStat()) {
            case "count" -> stats.count() == 0 ? null : (double) times.count(phase);
            case "avg" -> times.meanMillis(phase);
            case "min" -> times.minMillis(phase);
            case "max" -> times.maxMillis(phase);
            case "stddev" -> times.stdDevMillis(phase);
            default -> times.percentileMillis(phase, metric.percentile());
        };
    }
}
