package dev.perf.monitor;

import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.InternetProtocolStats;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.perf.scenario.ResourceMetric;

/**
 * The machine's figures through OSHI. CPU, disk and network counters are cumulative in the OS; each sample turns
 * them into a rate since the previous one, so the probe is created (a baseline read) one interval before the first
 * sample. Disk and network devices are listed once and then only re-read (disks through {@code /proc/diskstats} on
 * Linux, see {@link LinuxDiskStats}). Network figures leave out loopback: it is
 * not network traffic (the bytes a test moves are in its own figures).
 */
final class MachineProbe {
    private final CentralProcessor cpu;
    private final GlobalMemory memory;
    private final List<HWDiskStore> disks;
    /** Disk names for /proc/diskstats, or {@code null} to re-read the disks through OSHI. */
    private final Set<String> diskNames;
    private final List<NetworkIF> networks;
    private final InternetProtocolStats ip;
    private long[] previousTicks;
    private final long[] previousTotals = new long[4];
    private long previousNanos;

    MachineProbe(HardwareAbstractionLayer hardware, InternetProtocolStats ip, long nowNanos) {
        this.cpu = hardware.getProcessor();
        this.memory = hardware.getMemory();
        this.disks = hardware.getDiskStores();
        this.diskNames = LinuxDiskStats.available() ? disks.stream().map(d -> d.getName().replaceFirst("^/dev/", ""))
                .collect(Collectors.toSet()) : null;
        this.networks = hardware.getNetworkIFs(false);
        this.ip = ip;
        previousTicks = cpu.getSystemCpuLoadTicks();
        readTotals(previousTotals);
        previousNanos = nowNanos;
    }

    int logicalCpus() {
        return cpu.getLogicalProcessorCount();
    }

    double[] sample(long nowNanos) {
        double[] v = ResourceSample.empty();
        double seconds = (nowNanos - previousNanos) / 1e9;
        previousNanos = nowNanos;
        long[] ticks = cpu.getSystemCpuLoadTicks();
        v[ResourceMetric.CPU.ordinal()] = percent(cpu.getSystemCpuLoadBetweenTicks(previousTicks));
        previousTicks = ticks;
        long total = memory.getTotal();
        long available = memory.getAvailable();
        if (total > 0 && available >= 0) {
            v[ResourceMetric.MEMORY.ordinal()] = total - available;
            v[ResourceMetric.MEMORY_PERCENT.ordinal()] = (total - available) * 100.0 / total;
        }
        double[] load = cpu.getSystemLoadAverage(1);
        v[ResourceMetric.LOAD.ordinal()] = load.length == 0 || load[0] < 0 ? Double.NaN : load[0];
        long[] totals = new long[4];
        readTotals(totals);
        ResourceMetric[] rated = {ResourceMetric.DISK_READ, ResourceMetric.DISK_WRITE, ResourceMetric.NET_SENT,
                ResourceMetric.NET_RECEIVED};
        for (int i = 0; i < rated.length; i++) {
            v[rated[i].ordinal()] = rate(totals[i], previousTotals[i], seconds);
        }
        System.arraycopy(totals, 0, previousTotals, 0, totals.length);
        long established = ip.getTCPv4Stats().getConnectionsEstablished() + ip.getTCPv6Stats().getConnectionsEstablished();
        v[ResourceMetric.TCP_ESTABLISHED.ordinal()] = established;
        return v;
    }

    private void readTotals(long[] totals) {
        long[] disk = diskNames == null ? null : LinuxDiskStats.totals(diskNames);
        if (disk != null) {
            totals[0] = disk[0];
            totals[1] = disk[1];
        } else {
            totals[0] = 0;
            totals[1] = 0;
            for (HWDiskStore store : disks) {
                store.updateAttributes();
                totals[0] += store.getReadBytes();
                totals[1] += store.getWriteBytes();
            }
        }
        totals[2] = 0;
        totals[3] = 0;
        for (NetworkIF network : networks) {
            network.updateAttributes();
            totals[2] += network.getBytesSent();
            totals[3] += network.getBytesRecv();
        }
    }

    /** Per second since the previous reading; absent when a counter went backwards (a device came or went). */
    static double rate(long now, long before, double seconds) {
        return seconds <= 0 || now < before ? Double.NaN : (now - before) / seconds;
    }

    private static double percent(double fraction) {
        return fraction < 0 || Double.isNaN(fraction) ? Double.NaN : fraction * 100;
    }
}
