package dev.perf.monitor;

import oshi.SystemInfo;

/** One OSHI {@link SystemInfo} per JVM: OSHI caches what it learns about the platform in it. */
public final class Oshi {
    private static SystemInfo system;

    private Oshi() {
    }

    /**
     * @throws LinkageError or RuntimeException when OSHI cannot load here (JNA's native library, for one)
     */
    public static synchronized SystemInfo system() {
        if (system == null) {
            system = new SystemInfo();
        }
        return system;
    }
}
