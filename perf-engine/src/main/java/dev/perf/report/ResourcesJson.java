package dev.perf.report;

import dev.perf.monitor.ResourceSample;
import dev.perf.monitor.ResourceSeries;
import dev.perf.monitor.ResourceSummary;
import dev.perf.result.ResourceSamples;
import dev.perf.result.Resources;
import dev.perf.scenario.ResourceMetric;
import dev.perf.scenario.Scope;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.perf.report.SummaryJson.number;

/**
 * {@code resources.json} (every sample, for the dashboard and other tools) and the {@code resources} part of
 * summary.json (avg and max of each series). An absent figure is {@code null}, never 0.
 */
public final class ResourcesJson {
    public static final int SCHEMA_VERSION = 1;
    private static final Map<String, String> UNITS = units();

    private ResourcesJson() {
    }

    /** The whole series: environment, every sample, and the summary. */
    public static ResourceSamples series(String runId, ResourceSummary summary) {
        List<ResourceSamples.Sample> samples = summary.series().samples().stream().map(ResourcesJson::sample).toList();
        return new ResourceSamples(SCHEMA_VERSION, runId, summary(summary), samples);
    }

    private static ResourceSamples.Sample sample(ResourceSample sample) {
        Map<Scope, Map<String, Double>> scopes = new LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            if (!sample.values().containsKey(scope)) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (ResourceMetric metric : ResourceMetric.values()) {
                if (metric.appliesTo(scope)) {
                    values.put(metric.key(), number(sample.value(scope, metric)));
                }
            }
            scopes.put(scope, values);
        }
        return new ResourceSamples.Sample(Math.round(sample.seconds() * 1000) / 1000.0,
                Instant.ofEpochMilli(sample.epochMillis()).toString(), scopes.get(Scope.MACHINE),
                scopes.get(Scope.GENERATOR), scopes.get(Scope.TARGET));
    }

    /** For summary.json: what was watched and avg/max per series, without the samples. */
    public static Resources summary(ResourceSummary summary) {
        ResourceSeries series = summary.series();
        Resources.Environment environment = new Resources.Environment(series.logicalCpus(), series.generatorCores(),
                number(series.containerCpuCores()), series.containerMemoryBytes(), "as the operating system reports "
                + "them; inside a container these are usually the host's, and the container limits above apply to the "
                + "generator");
        Map<String, Map<String, Resources.Stat>> stats = new LinkedHashMap<>();
        for (Scope scope : series.watched()) {
            Map<String, Resources.Stat> scoped = new LinkedHashMap<>();
            for (ResourceMetric metric : ResourceMetric.values()) {
                if (metric.appliesTo(scope)) {
                    ResourceSummary.Stats s = summary.stats(scope, metric);
                    scoped.put(metric.key(), s == null ? new Resources.Stat(null, null, 0)
                            : new Resources.Stat(number(s.avg()), number(s.max()), s.samples()));
                }
            }
            stats.put(scope.key(), scoped);
        }
        return new Resources(series.intervalSeconds(), series.samples().size(), UNITS, environment,
                series.watched().stream().map(Scope::key).toList(), series.target(), number(series.ownCpuPercent()),
                series.notes(), stats);
    }

    private static Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("machine.cpu", "% of all logical CPUs of the machine");
        units.put("generator.cpu, target.cpu", "% of one core (a process busy on two cores reads 200)");
        units.put("memory", "bytes (machine: used; processes: resident)");
        units.put("disk-read, disk-write, net-sent, net-received", "bytes per second (network without loopback)");
        units.put("load", "1-minute load average");
        return Collections.unmodifiableMap(units);
    }
}
