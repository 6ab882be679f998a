package dev.perf.analysis;

import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.VerdictSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.perf.scenario.Threshold;
import dev.perf.scenario.Metric;
import dev.perf.scenario.ThresholdParser;

/**
 * The thresholds every load run is judged on besides its own, so that a run passes only when it measured what it set
 * out to measure:
 * <ul>
 *   <li>{@code count >= 1}: a run in which no request completed measured nothing, and fails;</li>
 *   <li>{@code error-rate <= 1%} ({@code verdict.maxErrorRate}) when no {@code success-rate} or {@code error-rate}
 *       threshold covers the whole scenario: a scenario without thresholds must not pass with every request failed;</li>
 *   <li>{@code dropped-rate <= 0%} ({@code verdict.maxDropped}) for the open model when no {@code dropped} or
 *       {@code dropped-rate} threshold covers the whole scenario: arrivals dropped at {@code maxInFlight} were never
 *       offered, so the run did not apply the load it planned;</li>
 *   <li>{@code checks-not-judged <= 0} when a request has a regex or JSON check: such a check reads at most
 *       {@value dev.perf.scenario.Check#MAX_BODY_BYTES} bytes of a body, and one that found nothing in a longer body
 *       could not tell; a breach of this gate makes the run inconclusive, never failed.</li>
 * </ul>
 * A stepped plan (stress, scalability) goes past the service's limits by design: its analysis thresholds judge it, so
 * the gates on errors and drops do not apply to it. Each gate's expression ends in {@value #MARK}, so that every output
 * tells it from the user's own thresholds.
 */
public final class VerdictGates {
    /** Appended to a gate's expression. */
    public static final String MARK = "(default gate)";

    private VerdictGates() {
    }

    /** The gates for a scenario with these thresholds, rules and plan; appended after its own thresholds. */
    public static List<Threshold> of(List<Threshold> thresholds, VerdictSpec rules, LoadSpec load) {
        return of(thresholds, rules, load, false);
    }

    /** @param partialBodyChecks whether a request has a check that reads only the beginning of a long body */
    public static List<Threshold> of(List<Threshold> thresholds, VerdictSpec rules, LoadSpec load,
                                     boolean partialBodyChecks) {
        List<Threshold> gates = new ArrayList<>();
        gates.add(gate("count >= 1"));
        boolean stepped = load.steps() != null;
        if (!stepped && rules.maxErrorRatePercent() != null && !covered(thresholds, "success-rate", "error-rate")) {
            gates.add(gate("error-rate <= " + percent(rules.maxErrorRatePercent())));
        }
        if (!stepped && load.isOpenModel() && rules.maxDroppedPercent() != null
                && !covered(thresholds, "dropped", "dropped-rate")) {
            gates.add(gate("dropped-rate <= " + percent(rules.maxDroppedPercent())));
        }
        if (partialBodyChecks) {
            gates.add(gate(Metric.CHECKS_NOT_JUDGED + " <= 0"));
        }
        return gates;
    }

    /** Whether a breach of this gate makes the run inconclusive rather than failed. */
    public static boolean inconclusiveOnBreach(Threshold threshold) {
        return isGate(threshold) && threshold.metric().name().equals(Metric.CHECKS_NOT_JUDGED);
    }

    /** Whether {@code result} is one of these gates rather than a threshold the user wrote. */
    public static boolean isGate(Threshold threshold) {
        return threshold.expression().endsWith(MARK);
    }

    private static boolean covered(List<Threshold> thresholds, String... metrics) {
        return thresholds.stream().anyMatch(t -> t.request() == null && !t.partial()
                && List.of(metrics).contains(t.metric().name()));
    }

    private static Threshold gate(String expression) {
        Threshold t = ThresholdParser.parse(expression);
        return new Threshold(expression + " " + MARK, t.request(), t.metric(), t.comparison(), t.limit(), t.limitKind(),
                t.relative());
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()) + "%";
    }
}
