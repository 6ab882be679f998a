package dev.perf.monitor;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import dev.perf.scenario.Scope;
import dev.perf.scenario.ResourceMetric;

/**
 * One sample: per scope, a value per {@link ResourceMetric} ({@code NaN}: absent). Rates cover the time since the
 * previous sample.
 *
 * @param seconds     from the start of monitoring
 * @param epochMillis wall-clock time of the sample
 * @param values      per scope sampled; a scope not sampled (or a target not known) is missing
 */
public record ResourceSample(double seconds, long epochMillis, Map<Scope, double[]> values) {

    public ResourceSample {
        values = new EnumMap<>(values);
    }

    /** The value, or {@code NaN} when absent. */
    public double value(Scope scope, ResourceMetric metric) {
        double[] scoped = values.get(scope);
        return scoped == null ? Double.NaN : scoped[metric.ordinal()];
    }

    static double[] empty() {
        double[] values = new double[ResourceMetric.values().length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
