package dev.perf.history;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** perf's own version, from the build (dev/perf/perf-version.properties). */
public final class PerfVersion {
    private static final String VERSION = read();

    private PerfVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = PerfVersion.class.getResourceAsStream("/dev/perf/perf-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
