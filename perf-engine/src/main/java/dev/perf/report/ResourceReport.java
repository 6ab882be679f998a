package dev.perf.report;

import dev.perf.scenario.Bytes;
import dev.perf.analysis.GeneratorCheck;
import dev.perf.scenario.ResourceMetric;
import dev.perf.monitor.ResourceSeries;
import dev.perf.monitor.ResourceSummary;
import dev.perf.scenario.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The console's resource lines: a row per watched scope with avg / max of each figure, then the generator check. */
final class ResourceReport {
    private static final ResourceMetric[] COLUMNS = {ResourceMetric.CPU, ResourceMetric.MEMORY, ResourceMetric.LOAD,
            ResourceMetric.THREADS, ResourceMetric.OPEN_FILES, ResourceMetric.CONNECTIONS, ResourceMetric.TCP_ESTABLISHED,
            ResourceMetric.DISK_READ, ResourceMetric.DISK_WRITE, ResourceMetric.NET_SENT, ResourceMetric.NET_RECEIVED};

    private ResourceReport() {
    }

    static void print(ResourceSummary summary, GeneratorCheck.Verdict generator, Consumer<String> out) {
        if (summary != null && summary.series().samples().isEmpty()) {
            out.accept("  resources: no sample: the run was shorter than the monitor's interval ("
                    + seconds(summary.series().intervalSeconds()) + "s)");
            summary.series().notes().forEach(note -> out.accept("    note: " + note));
        } else if (summary != null) {
            ResourceSeries series = summary.series();
            out.accept(String.format(Locale.ROOT, "  resources (avg / max of %d samples every %ss; machine CPU in %% of "
                            + "its %d CPUs, process CPU in %% of one core):", series.samples().size(),
                    seconds(series.intervalSeconds()), series.logicalCpus()));
            for (Scope scope : series.watched()) {
                out.accept("    " + label(scope, series) + ": " + row(summary, scope));
            }
            series.notes().forEach(note -> out.accept("    note: " + note));
            if (series.ownCpuPercent() != null) {
                out.accept(String.format(Locale.ROOT, "    monitor's own CPU: %.2f%% of one core", series.ownCpuPercent()));
            }
        }
        if (generator.saturated()) {
            out.accept("  WARNING: the load generator was the bottleneck: " + String.join("; ", generator.reasons())
                    + ". These figures describe the generator, not the target: give it more CPU, lower the load, "
                    + "or run it on another machine.");
        }
    }

    private static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    private static String label(Scope scope, ResourceSeries series) {
        return scope == Scope.TARGET && series.target() != null ? "target (" + series.target() + ")" : scope.key();
    }

    private static String row(ResourceSummary summary, Scope scope) {
        List<String> cells = new ArrayList<>();
        for (ResourceMetric metric : COLUMNS) {
            if (!metric.appliesTo(scope)) {
                continue;
            }
            ResourceSummary.Stats s = summary.stats(scope, metric);
            String value = s == null ? "n/a" : format(metric, s.avg()) + " / " + format(metric, s.max());
            cells.add(metric.key() + " " + value);
        }
        if (scope == Scope.MACHINE) {
            ResourceSummary.Stats percent = summary.stats(scope, ResourceMetric.MEMORY_PERCENT);
            if (percent != null) {
                cells.set(1, cells.get(1) + String.format(Locale.ROOT, " (%.1f%% max)", percent.max()));
            }
        }
        return String.join(", ", cells);
    }

    private static String format(ResourceMetric metric, double value) {
        return switch (metric.kind()) {
            case PERCENT -> String.format(Locale.ROOT, "%.1f%%", value);
            case BYTES -> Bytes.format(value);
            case BYTES_PER_SECOND -> Bytes.format(value) + "/s";
            case COUNT -> String.format(Locale.ROOT, "%.0f", value);
            case NUMBER -> String.format(Locale.ROOT, "%.2f", value);
        };
    }
}
