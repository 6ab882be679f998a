package dev.perf.monitor;

import java.util.EnumMap;
import java.util.Map;
import dev.perf.scenario.Scope;
import dev.perf.scenario.ResourceMetric;

/**
 * Average and maximum of every series of a run (the seed practice's {@code get_summary}), over the samples that
 * have the figure. A figure no sample had is absent, with the reason.
 */
public final class ResourceSummary {
    private final ResourceSeries series;
    private final Map<Scope, Stats[]> stats = new EnumMap<>(Scope.class);

    /** Average, maximum and how many samples had the figure. */
    public record Stats(double avg, double max, int samples) {
    }


    public ResourceSummary(ResourceSeries series) {
        this.series = series;
        for (Scope scope : Scope.values()) {
            Stats[] perMetric = new Stats[ResourceMetric.values().length];
            for (ResourceMetric metric : ResourceMetric.values()) {
                double sum = 0;
                double max = Double.NEGATIVE_INFINITY;
                int n = 0;
                for (ResourceSample sample : series.samples()) {
                    double v = sample.value(scope, metric);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        max = Math.max(max, v);
                        n++;
                    }
                }
                perMetric[metric.ordinal()] = n == 0 ? null : new Stats(sum / n, max, n);
            }
            stats.put(scope, perMetric);
        }
    }

    public ResourceSeries series() {
        return series;
    }

    /** The figures, or {@code null} when no sample had them. */
    public Stats stats(Scope scope, ResourceMetric metric) {
        return stats.get(scope)[metric.ordinal()];
    }

    /** One figure for a threshold: the value, or none and why. */
    public Figure figure(Scope scope, ResourceMetric metric, ResourceMetric.Stat stat) {
        Stats s = stats(scope, metric);
        if (s != null) {
            return new Figure(stat == ResourceMetric.Stat.AVG ? s.avg() : s.max(), null);
        }
        if (series.samples().isEmpty()) {
            return new Figure(null, "no resource samples (the run was shorter than one monitor interval)");
        }
        if (!series.watched().contains(scope) && scope != Scope.TARGET) {
            return new Figure(null, scope.key() + " monitoring is off (monitor." + scope.key() + ": false)");
        }
        if (scope == Scope.TARGET && series.target() == null) {
            return new Figure(null, "no target process is known (start it with the run, or set monitor.target)");
        }
        return new Figure(null, scope.key() + " " + metric.key() + " is not available on this platform");
    }

    /** A value, or none with the reason. */
    public record Figure(Double value, String note) {
    }
}
