package dev.perf.track;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * What the current thread spent: CPU time and heap bytes allocated, read from the JVM's per-thread counters (about a
 * microsecond each). Work an operation hands to other threads (an HTTP client's event loop) is not in them.
 */
final class ThreadCost {
    static final long UNKNOWN = -1;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean HOTSPOT =
            THREADS instanceof com.sun.management.ThreadMXBean h && h.isThreadAllocatedMemorySupported() ? h : null;
    private static final boolean CPU = THREADS.isCurrentThreadCpuTimeSupported();

    private ThreadCost() {
    }

    static long cpuNanos() {
        return CPU ? THREADS.getCurrentThreadCpuTime() : UNKNOWN;
    }

    static long allocatedBytes() {
        return HOTSPOT != null ? HOTSPOT.getCurrentThreadAllocatedBytes() : UNKNOWN;
    }
}
