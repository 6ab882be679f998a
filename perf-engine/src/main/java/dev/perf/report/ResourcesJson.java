package dev.perf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.scenario.ResourceMetric;
import dev.perf.monitor.ResourceSample;
import dev.perf.monitor.ResourceSeries;
import dev.perf.monitor.ResourceSummary;
import dev.perf.scenario.Scope;

import java.time.Instant;

/**
 * {@code resources.json} (every sample, for the dashboard and other tools) and the {@code resources} part of
 * summary.json (avg and max of each series). An absent figure is {@code null}, never 0.
 */
public final class ResourcesJson {
    public static final int SCHEMA_VERSION = 1;

    private ResourcesJson() {
    }

    /** The whole series: environment, every sample, and the summary. */
    public static ObjectNode series(String runId, ResourceSummary summary) {
        ResourceSeries series = summary.series();
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", runId);
        describe(root, summary);
        ArrayNode samples = root.putArray("samples");
        for (ResourceSample sample : series.samples()) {
            ObjectNode node = samples.addObject();
            node.put("t", Math.round(sample.seconds() * 1000) / 1000.0);
            node.put("time", Instant.ofEpochMilli(sample.epochMillis()).toString());
            for (Scope scope : Scope.values()) {
                if (!sample.values().containsKey(scope)) {
                    continue;
                }
                ObjectNode values = node.putObject(scope.key());
                for (ResourceMetric metric : ResourceMetric.values()) {
                    if (metric.appliesTo(scope)) {
                        SummaryJson.putNullable(values, metric.key(), sample.value(scope, metric));
                    }
                }
            }
        }
        return root;
    }

    /** For summary.json: what was watched and avg/max per series, without the samples. */
    public static ObjectNode summary(ResourceSummary summary) {
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        describe(root, summary);
        return root;
    }

    private static void describe(ObjectNode root, ResourceSummary summary) {
        ResourceSeries series = summary.series();
        root.put("intervalSeconds", series.intervalSeconds());
        root.put("sampleCount", series.samples().size());
        ObjectNode units = root.putObject("units");
        units.put("machine.cpu", "% of all logical CPUs of the machine");
        units.put("generator.cpu, target.cpu", "% of one core (a process busy on two cores reads 200)");
        units.put("memory", "bytes (machine: used; processes: resident)");
        units.put("disk-read, disk-write, net-sent, net-received", "bytes per second (network without loopback)");
        units.put("load", "1-minute load average");
        ObjectNode environment = root.putObject("environment");
        environment.put("logicalCpus", series.logicalCpus());
        environment.put("generatorCores", series.generatorCores());
        SummaryJson.putNullable(environment, "containerCpuCores", series.containerCpuCores());
        environment.put("containerMemoryBytes", series.containerMemoryBytes());
        environment.put("machineFigures", "as the operating system reports them; inside a container these are "
                + "usually the host's, and the container limits above apply to the generator");
        ArrayNode watched = root.putArray("watched");
        series.watched().forEach(scope -> watched.add(scope.key()));
        root.put("target", series.target());
        SummaryJson.putNullable(root, "monitorCpuPercentOfCore", series.ownCpuPercent());
        ArrayNode notes = root.putArray("notes");
        series.notes().forEach(notes::add);
        ObjectNode stats = root.putObject("summary");
        for (Scope scope : series.watched()) {
            ObjectNode scoped = stats.putObject(scope.key());
            for (ResourceMetric metric : ResourceMetric.values()) {
                if (!metric.appliesTo(scope)) {
                    continue;
                }
                ResourceSummary.Stats s = summary.stats(scope, metric);
                ObjectNode node = scoped.putObject(metric.key());
                SummaryJson.putNullable(node, "avg", s == null ? null : s.avg());
                SummaryJson.putNullable(node, "max", s == null ? null : s.max());
                node.put("samples", s == null ? 0 : s.samples());
            }
        }
    }
}
