package dev.perf.dashboard;

import dev.perf.result.ResourceSamples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resource charts of a run, from resources.json: CPU, memory, disk and network IO, connections and threads of
 * the machine, the load generator and the target process; whatever the monitor sampled.
 */
final class ResourceCharts {
    private static final double MB = 1024 * 1024;

    /** A line: which scope's figure, its legend name, and a divisor for the chart's unit. */
    private record Line(String scope, String metric, String name, double divisor) {
    }

    private ResourceCharts() {
    }

    static void add(ResourceSamples resources, List<Map<String, Object>> charts) {
        if (resources == null) {
            return;
        }
        List<ResourceSamples.Sample> samples = RunView.listed(resources.samples());
        RunCharts.add(charts, "CPU", "Machine: % of all logical CPUs. Generator and target: % of one core (200% is two "
                + "cores busy).", chart("CPU", "%", samples, List.of(new Line("machine", "cpu", "machine", 1),
                new Line("generator", "cpu", "generator", 1), new Line("target", "cpu", "target", 1))));
        RunCharts.add(charts, "Memory", "Machine: used. Processes: resident.", chart("Memory", "MB", samples, List.of(
                new Line("machine", "memory", "machine", MB), new Line("generator", "memory", "generator", MB),
                new Line("target", "memory", "target", MB))));
        RunCharts.add(charts, "Disk IO", null, chart("Disk IO", "MB/s", samples, List.of(
                new Line("machine", "disk-read", "machine read", MB), new Line("machine", "disk-write", "machine write", MB),
                new Line("target", "disk-read", "target read", MB), new Line("target", "disk-write", "target write", MB))));
        RunCharts.add(charts, "Network IO", "Without loopback: traffic to a local target does not show here.",
                chart("Network IO", "MB/s", samples, List.of(new Line("machine", "net-sent", "sent", MB),
                        new Line("machine", "net-received", "received", MB))));
        RunCharts.add(charts, "Connections and threads", null, chart("Connections and threads", "", samples, List.of(
                new Line("target", "connections", "target connections", 1),
                new Line("machine", "tcp-established", "machine TCP established", 1),
                new Line("target", "threads", "target threads", 1),
                new Line("generator", "threads", "generator threads", 1))));
    }

    private static SvgChart chart(String title, String unit, List<ResourceSamples.Sample> samples, List<Line> lines) {
        SvgChart chart = SvgChart.titled(title).x("s").y(unit);
        boolean any = false;
        for (Line l : lines) {
            List<double[]> points = new ArrayList<>();
            for (ResourceSamples.Sample s : samples) {
                Double v = s.of(l.scope()).get(l.metric());
                if (v != null) {
                    points.add(new double[]{s.t(), v / l.divisor()});
                }
            }
            if (!points.isEmpty()) {
                SvgChart.Series line = SvgChart.Series.of(l.name(), points);
                // a figure sampled less often (connections: every fifth sample) shows its samples as dots, joined
                // by dashes, and says how often it was sampled, rather than a line that looks measured throughout
                chart.line(points.size() < samples.size() && points.size() > 1
                        ? line.sampled((points.get(points.size() - 1)[0] - points.get(0)[0]) / (points.size() - 1))
                        : line);
                any = true;
            }
        }
        return any ? chart : null;
    }
}
