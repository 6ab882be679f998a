package dev.perf.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** perf's own version, from the build (dev/perf/perf-version.txt, filtered by Maven). */
public final class PerfVersion {
    private static final String VERSION = read();

    private PerfVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = PerfVersion.class.getResourceAsStream("/dev/perf/perf-version.txt")) {
            String version = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return version.isEmpty() || version.startsWith("$") ? "unknown" : version;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
