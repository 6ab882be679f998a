package dev.perf.analysis;

import dev.perf.metrics.RunMetrics;
import dev.perf.scenario.ResourceMetric;
import dev.perf.monitor.ResourceSample;
import dev.perf.monitor.ResourceSeries;
import dev.perf.scenario.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Was the load generator itself the bottleneck? Then the figures describe the generator, not the target. Signs:
 * the generator's CPU at or near all the cores it may use, the machine's CPU saturated (the generator competes with
 * whatever else runs there, often the target), or the open-model pacer falling behind its schedule.
 */
public final class GeneratorCheck {
    /** A sample counts as saturated at this share of the CPU capacity. */
    static final double BUSY_SHARE = 0.90;
    /** Saturated samples must be at least this share of all samples to raise the flag. */
    static final double BUSY_SAMPLES_SHARE = 0.20;
    /** The machine counts as saturated at this CPU %. */
    static final double MACHINE_BUSY_PERCENT = 95;
    /** Pacer lateness (99th percentile) beyond which the open-model schedule was not kept. */
    public static final double LAG_P99_MILLIS = 5;

    /** The flag and why. */
    public record Verdict(boolean saturated, List<String> reasons) {
        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    private GeneratorCheck() {
    }

    /** @param series what the monitor saw, or {@code null} when monitoring was off */
    public static Verdict check(ResourceSeries series, RunMetrics metrics) {
        List<String> reasons = new ArrayList<>();
        if (series != null && !series.samples().isEmpty()) {
            int cores = series.generatorCores();
            busy(series, Scope.GENERATOR, cores * 100.0 * BUSY_SHARE).ifPresent(n -> reasons.add(String.format(
                    Locale.ROOT, "its CPU was at %.0f%% or more of its %d core%s in %d of %d samples (max %.0f%%)",
                    cores * 100.0 * BUSY_SHARE, cores, cores == 1 ? "" : "s", n, series.samples().size(),
                    max(series, Scope.GENERATOR))));
            busy(series, Scope.MACHINE, MACHINE_BUSY_PERCENT).ifPresent(n -> reasons.add(String.format(Locale.ROOT,
                    "the machine's CPU was %.0f%% busy or more in %d of %d samples: the generator competes for it "
                            + "(with the target, if it runs here)", MACHINE_BUSY_PERCENT, n, series.samples().size())));
        }
        Double lagP99 = metrics.sendLagP99Millis();
        if (lagP99 != null && lagP99 > LAG_P99_MILLIS) {
            reasons.add(String.format(Locale.ROOT, "open-model sends were %.1f ms behind schedule at the 99th "
                    + "percentile (worst %.1f ms)", lagP99, metrics.sendLagMaxMillis()));
        }
        return new Verdict(!reasons.isEmpty(), reasons);
    }

    /** How many samples were at or above {@code limit}, if that is enough of them to matter. */
    private static Optional<Integer> busy(ResourceSeries series, Scope scope, double limit) {
        int busy = 0;
        int measured = 0;
        for (ResourceSample sample : series.samples()) {
            double cpu = sample.value(scope, ResourceMetric.CPU);
            if (!Double.isNaN(cpu)) {
                measured++;
                if (cpu >= limit) {
                    busy++;
                }
            }
        }
        return busy > 0 && busy >= BUSY_SAMPLES_SHARE * measured ? Optional.of(busy) : Optional.empty();
    }

    private static double max(ResourceSeries series, Scope scope) {
        return series.samples().stream().mapToDouble(s -> s.value(scope, ResourceMetric.CPU))
                .filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }
}
