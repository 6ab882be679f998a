package dev.perf.scenario;


/**
 * A resource figure a threshold can name: {@code [generator.|target.]metric.(avg|max)}, such as {@code cpu.avg}
 * (machine), {@code target.memory.max} or {@code generator.cpu.avg}.
 */
public record MonitorMetric(Scope scope, ResourceMetric metric, ResourceMetric.Stat stat) {

    /** What is valid, for error messages. */
    public static final String VALID = "[generator.|target.]metric.avg|max with metric one of cpu, memory, "
            + "memory-percent, load, disk-read, disk-write, net-sent, net-received, tcp-established (machine), "
            + "threads, open-files (generator, target), connections (target)";

    /**
     * @return the metric, or {@code null} when {@code name} is not shaped like one
     * @throws IllegalArgumentException when it is shaped like one but names a figure that is not measured
     */
    public static MonitorMetric parse(String name) {
        String[] parts = name.split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        Scope scope = Scope.MACHINE;
        int i = 0;
        if (parts.length == 3) {
            scope = parts[0].equals("target") ? Scope.TARGET : parts[0].equals("generator") ? Scope.GENERATOR : null;
            if (scope == null) {
                return null;
            }
            i = 1;
        }
        ResourceMetric metric = ResourceMetric.of(parts[i]);
        ResourceMetric.Stat stat = switch (parts[i + 1]) {
            case "avg" -> ResourceMetric.Stat.AVG;
            case "max" -> ResourceMetric.Stat.MAX;
            default -> null;
        };
        if (metric == null || stat == null) {
            return null;
        }
        if (!metric.appliesTo(scope)) {
            throw new IllegalArgumentException(name + ": " + metric.key() + " is not measured for the "
                    + scope.key() + "; valid: " + VALID);
        }
        return new MonitorMetric(scope, metric, stat);
    }
}
