package dev.perf.scenario;

import java.util.EnumSet;
import java.util.Set;

/**
 * A figure the monitor samples, with where it applies. CPU is a percentage of the whole machine (all logical CPUs)
 * for the machine, and of one core for a process (as {@code top} shows it: a process busy on two cores reads 200%).
 */
public enum ResourceMetric {
    CPU("cpu", Kind.PERCENT, EnumSet.allOf(Scope.class)),
    MEMORY("memory", Kind.BYTES, EnumSet.allOf(Scope.class)),
    MEMORY_PERCENT("memory-percent", Kind.PERCENT, EnumSet.of(Scope.MACHINE)),
    LOAD("load", Kind.NUMBER, EnumSet.of(Scope.MACHINE)),
    DISK_READ("disk-read", Kind.BYTES_PER_SECOND, EnumSet.of(Scope.MACHINE, Scope.TARGET)),
    DISK_WRITE("disk-write", Kind.BYTES_PER_SECOND, EnumSet.of(Scope.MACHINE, Scope.TARGET)),
    NET_SENT("net-sent", Kind.BYTES_PER_SECOND, EnumSet.of(Scope.MACHINE)),
    NET_RECEIVED("net-received", Kind.BYTES_PER_SECOND, EnumSet.of(Scope.MACHINE)),
    TCP_ESTABLISHED("tcp-established", Kind.COUNT, EnumSet.of(Scope.MACHINE)),
    THREADS("threads", Kind.COUNT, EnumSet.of(Scope.GENERATOR, Scope.TARGET)),
    OPEN_FILES("open-files", Kind.COUNT, EnumSet.of(Scope.GENERATOR, Scope.TARGET)),
    CONNECTIONS("connections", Kind.COUNT, EnumSet.of(Scope.TARGET));

    /** Which summary of a resource's samples a threshold names: {@code cpu.avg}, {@code memory.max}. */
    public enum Stat { AVG, MAX }

    /** How a value is measured and written. */
    public enum Kind { PERCENT, BYTES, BYTES_PER_SECOND, COUNT, NUMBER }

    private final String key;
    private final Kind kind;
    private final Set<Scope> scopes;

    ResourceMetric(String key, Kind kind, Set<Scope> scopes) {
        this.key = key;
        this.kind = kind;
        this.scopes = scopes;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public boolean appliesTo(Scope scope) {
        return scopes.contains(scope);
    }

    /** The metric with this key, or {@code null}. */
    public static ResourceMetric of(String key) {
        for (ResourceMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        return null;
    }
}
