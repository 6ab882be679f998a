package dev.perf.metrics;

import dev.perf.scenario.Phase;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;

/**
 * The times of each {@link Phase} of a request's exchanges (or of all requests'), in microseconds, to two significant
 * digits (1%). A histogram counts the exchanges where its phase happened: {@code connect} counts new connections,
 * not requests. A phase that never happened has no histogram and no figure ({@code null}), never a zero.
 */
public final class PhaseTimes {
    /** Precision of the phase histograms: 1%, a quarter of the memory of the latency histograms' 0.1%. */
    public static final int SIGNIFICANT_DIGITS = 2;
    static final Phase[] PHASES = Phase.values();
    private static final PhaseTimes NONE = new PhaseTimes(new EnumMap<>(Phase.class));

    private final Map<Phase, Histogram> micros;

    private PhaseTimes(Map<Phase, Histogram> micros) {
        this.micros = micros;
    }

    /** No phase timed (figures read back from the history, a tracked test). */
    public static PhaseTimes none() {
        return NONE;
    }

    /** From histograms by phase; empty ones are left out. The histograms are copied. */
    public static PhaseTimes of(Map<Phase, Histogram> histograms) {
        Map<Phase, Histogram> kept = new EnumMap<>(Phase.class);
        histograms.forEach((phase, h) -> {
            if (h != null && h.getTotalCount() > 0) {
                kept.put(phase, h.copy());
            }
        });
        return kept.isEmpty() ? NONE : new PhaseTimes(kept);
    }

    /** Merged exactly: histograms added, never percentiles averaged. */
    public static PhaseTimes merge(Iterable<PhaseTimes> parts) {
        Map<Phase, Histogram> merged = new EnumMap<>(Phase.class);
        for (PhaseTimes part : parts) {
            if (part == null) {
                continue;
            }
            part.micros.forEach((phase, h) -> merged.computeIfAbsent(phase,
                    p -> new Histogram(h.getNumberOfSignificantValueDigits())).add(h));
        }
        return merged.isEmpty() ? NONE : new PhaseTimes(merged);
    }

    public boolean isEmpty() {
        return micros.isEmpty();
    }

    /** The phase's histogram in microseconds, or {@code null} when it never happened. Do not modify it. */
    public Histogram micros(Phase phase) {
        return micros.get(phase);
    }

    /** How many exchanges went through the phase. */
    public long count(Phase phase) {
        Histogram h = micros.get(phase);
        return h == null ? 0 : h.getTotalCount();
    }

    /** The phases that happened, in the order of an exchange. */
    public java.util.Set<Phase> phases() {
        return micros.keySet();
    }

    /** @param percentile in (0, 100]; {@code null} when the phase never happened */
    public Double percentileMillis(Phase phase, double percentile) {
        return millis(phase, h -> h.getValueAtPercentile(percentile));
    }

    public Double meanMillis(Phase phase) {
        return millis(phase, Histogram::getMean);
    }

    public Double minMillis(Phase phase) {
        return millis(phase, Histogram::getMinValue);
    }

    public Double maxMillis(Phase phase) {
        return millis(phase, Histogram::getMaxValue);
    }

    public Double stdDevMillis(Phase phase) {
        return millis(phase, Histogram::getStdDeviation);
    }

    /** A figure of the phase's histogram (in microseconds) in milliseconds; {@code null} when it never happened. */
    private Double millis(Phase phase, java.util.function.ToDoubleFunction<Histogram> figureMicros) {
        Histogram h = micros.get(phase);
        return h == null ? null : figureMicros.applyAsDouble(h) / 1000.0;
    }
}
