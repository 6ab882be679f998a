package dev.perf.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The container limits of this process, from cgroup v2 ({@code /sys/fs/cgroup/cpu.max}, {@code memory.max}) or v1
 * ({@code cpu.cfs_quota_us}, {@code memory.limit_in_bytes}). OSHI's machine figures are the host's (read from
 * {@code /proc}); these say what the generator may actually use.
 *
 * @param cpuCores    CPU quota in cores, or {@code null} when unlimited or unknown
 * @param memoryBytes memory limit, or {@code null} when unlimited or unknown
 */
public record CgroupLimits(Double cpuCores, Long memoryBytes) {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    /** v1 writes "no limit" as a page-aligned huge number. */
    private static final long V1_UNLIMITED = Long.MAX_VALUE / 2;

    public static CgroupLimits read() {
        return new CgroupLimits(cpu(), memory());
    }

    private static Double cpu() {
        String v2 = text(ROOT.resolve("cpu.max"));
        if (v2 != null) {
            String[] parts = v2.split("\\s+");
            return parts[0].equals("max") || parts.length < 2 ? null : Long.parseLong(parts[0]) / (double) Long.parseLong(parts[1]);
        }
        String quota = text(ROOT.resolve("cpu/cpu.cfs_quota_us"));
        String period = text(ROOT.resolve("cpu/cpu.cfs_period_us"));
        if (quota == null || period == null || quota.startsWith("-")) {
            return null;
        }
        return Long.parseLong(quota) / (double) Long.parseLong(period);
    }

    private static Long memory() {
        String v2 = text(ROOT.resolve("memory.max"));
        if (v2 != null) {
            return v2.equals("max") ? null : Long.parseLong(v2);
        }
        String v1 = text(ROOT.resolve("memory/memory.limit_in_bytes"));
        if (v1 == null) {
            return null;
        }
        long limit = Long.parseLong(v1);
        return limit >= V1_UNLIMITED ? null : limit;
    }

    private static String text(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file).trim() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
