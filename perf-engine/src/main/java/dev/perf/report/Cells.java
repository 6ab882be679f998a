package dev.perf.report;

import java.util.Locale;

/** Formatting of single values for tables: fixed decimals, and "n/a" where a figure cannot be computed. */
public final class Cells {
    public static final String NOT_AVAILABLE = "n/a";

    private Cells() {
    }

    public static String millis(Double value) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String percent(Double value) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.2f%%", value);
    }

    public static String rate(Double value) {
        return value == null ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.1f", value);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
