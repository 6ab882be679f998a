package dev.perf.result;

import java.util.List;
import java.util.Map;

/**
 * What the monitor watched and the average and maximum of each series (the {@code resources} of summary.json).
 *
 * @param units   what each figure's number means
 * @param watched machine, generator, target
 * @param target  how the target process was found, or {@code null}
 * @param summary by scope, then by figure
 */
public record Resources(double intervalSeconds, int sampleCount, Map<String, String> units, Environment environment,
                        List<String> watched, String target, Double monitorCpuPercentOfCore, List<String> notes,
                        Map<String, Map<String, Stat>> summary) {

    /** The machine and container limits the figures are relative to. */
    public record Environment(int logicalCpus, int generatorCores, Double containerCpuCores,
                              Long containerMemoryBytes, String machineFigures) {
    }

    /** A series' average and maximum ({@code null} without samples) and its number of samples. */
    public record Stat(Double avg, Double max, int samples) {
    }
}
