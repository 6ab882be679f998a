package dev.perf.dashboard;

import java.util.Locale;

/** Numbers as the pages show them: fixed decimals, thousands separators, "n/a" where a figure is absent. */
final class Format {
    static final String NONE = "n/a";

    private Format() {
    }

    static String count(Long value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(Double value) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String fixed(Double value, int decimals) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A figure, or NaN when it is absent (a gap in a chart). */
    static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
