package dev.perf.monitor;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import dev.perf.scenario.Scope;

/**
 * What the monitor saw during one run.
 *
 * @param samples          in time order; the baseline read is not a sample
 * @param watched          the scopes that were sampled
 * @param intervalSeconds  between samples
 * @param logicalCpus      the machine's logical CPUs (what machine CPU % is relative to)
 * @param generatorCores   CPUs the generator JVM may use (container-aware)
 * @param limits           container limits of the generator
 * @param target           what the target is ("pid 1234 (java), started by the run"), or {@code null}
 * @param ownCpuPercent    the sampler thread's own CPU over the run, in % of one core; {@code null} if unknown
 * @param notes            what could not be watched and why
 */
public record ResourceSeries(List<ResourceSample> samples, Set<Scope> watched, double intervalSeconds, int logicalCpus,
                             int generatorCores, CgroupLimits limits, String target, Double ownCpuPercent,
                             List<String> notes) {

    public ResourceSeries {
        samples = List.copyOf(samples);
        watched = watched.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(watched);
        notes = List.copyOf(notes);
    }

    /** CPU quota of the generator's container in cores, or {@code null}. */
    public Double containerCpuCores() {
        return limits.cpuCores();
    }

    /** Memory limit of the generator's container, or {@code null}. */
    public Long containerMemoryBytes() {
        return limits.memoryBytes();
    }
}
