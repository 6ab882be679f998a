package dev.perf.monitor;

import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;
import dev.perf.scenario.ResourceMetric;

/**
 * One process's figures through OSHI, read for its pid only (listing every process is costly). CPU is the share
 * of one core since the previous sample (OSHI sums the ticks of all the process's threads); disk IO is turned into
 * rates. When the process has exited, its figures are absent from then on.
 */
final class ProcessProbe {
    /**
     * Connections are counted on every this many samples: reading the kernel's TCP tables walks its whole hash table
     * (about 4 ms of CPU per table on a 24 GiB machine), the largest cost of a sample by far.
     */
    static final int CONNECTIONS_EVERY = 5;
    private final OperatingSystem os;
    private final int pid;
    private final boolean countConnections;
    private OSProcess previous;
    private long previousNanos;
    private boolean gone;
    private int samples;

    ProcessProbe(OperatingSystem os, int pid, boolean countConnections, long nowNanos) {
        this.os = os;
        this.pid = pid;
        this.countConnections = countConnections;
        this.previous = os.getProcess(pid);
        this.previousNanos = nowNanos;
        this.gone = previous == null;
    }

    int pid() {
        return pid;
    }

    /** Whether the process has exited (or could never be read). */
    boolean gone() {
        return gone;
    }

    /** @return the figures, or {@code null} when the process is gone */
    double[] sample(long nowNanos) {
        if (gone) {
            return null;
        }
        OSProcess current = os.getProcess(pid);
        if (current == null) {
            gone = true;
            return null;
        }
        double seconds = (nowNanos - previousNanos) / 1e9;
        double[] v = ResourceSample.empty();
        double load = current.getProcessCpuLoadBetweenTicks(previous);
        v[ResourceMetric.CPU.ordinal()] = load < 0 ? Double.NaN : load * 100;
        v[ResourceMetric.MEMORY.ordinal()] = positive(current.getResidentSetSize());
        v[ResourceMetric.THREADS.ordinal()] = positive(current.getThreadCount());
        v[ResourceMetric.OPEN_FILES.ordinal()] = current.getOpenFiles() < 0 ? Double.NaN : current.getOpenFiles();
        v[ResourceMetric.DISK_READ.ordinal()] = MachineProbe.rate(current.getBytesRead(), previous.getBytesRead(), seconds);
        v[ResourceMetric.DISK_WRITE.ordinal()] = MachineProbe.rate(current.getBytesWritten(), previous.getBytesWritten(),
                seconds);
        if (countConnections && samples++ % CONNECTIONS_EVERY == 0) {
            v[ResourceMetric.CONNECTIONS.ordinal()] = ProcessSockets.established(pid);
        }
        previous = current;
        previousNanos = nowNanos;
        return v;
    }

    private static double positive(long value) {
        return value > 0 ? value : Double.NaN;
    }
}
