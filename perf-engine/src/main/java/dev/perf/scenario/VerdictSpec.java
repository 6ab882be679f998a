package dev.perf.scenario;

/**
 * How a run's verdict is reached beyond its own thresholds ({@code verdict:}): the default gates that keep a run that
 * did not measure what it set out to measure from passing.
 *
 * @param maxErrorRatePercent the gate {@code error-rate <= N%} applied when no {@code success-rate} or {@code error-rate}
 *                            threshold covers the whole scenario; {@code null}: none ({@code maxErrorRate: off})
 * @param maxDroppedPercent   open model: the gate {@code dropped-rate <= N%} on arrivals dropped at {@code maxInFlight},
 *                            applied when no {@code dropped} or {@code dropped-rate} threshold covers the whole
 *                            scenario; {@code null}: none ({@code maxDropped: off})
 * @param onSaturatedGenerator what a saturated load generator does to the verdict
 */
public record VerdictSpec(Double maxErrorRatePercent, Double maxDroppedPercent, Saturation onSaturatedGenerator) {

    /** The gate on errors when the scenario sets none: as a JMeter or Taurus user expects, errors fail the run. */
    public static final double DEFAULT_MAX_ERROR_RATE_PERCENT = 1.0;
    /** Dropped arrivals mean the planned load was not offered: none is tolerated by default. */
    public static final double DEFAULT_MAX_DROPPED_PERCENT = 0.0;

    /** What a saturated generator (its figures describe itself, not the target) does to the verdict. */
    public enum Saturation {
        /**
         * A latency or throughput verdict the saturation could have caused is inconclusive (it neither passes nor
         * fails), and so is the run; see {@code ThresholdEvaluator}.
         */
        WARN,
        /** The run fails: a team that wants every run conclusive sizes its generator. */
        FAIL;

        /** {@code warn} or {@code fail}; {@code null} for anything else. */
        public static Saturation parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "warn" -> WARN;
                case "fail" -> FAIL;
                default -> null;
            };
        }
    }

    public static VerdictSpec defaults() {
        return new VerdictSpec(DEFAULT_MAX_ERROR_RATE_PERCENT, DEFAULT_MAX_DROPPED_PERCENT, Saturation.WARN);
    }

    /** The same rules with another saturation policy (the {@code perf.onSaturatedGenerator} property). */
    public VerdictSpec withSaturation(Saturation policy) {
        return new VerdictSpec(maxErrorRatePercent, maxDroppedPercent, policy);
    }
}
