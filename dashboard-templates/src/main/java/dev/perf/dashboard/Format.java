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

    /** A duration with its unit, so that a time under a millisecond is not a zero: {@code 6 µs}, {@code 5.15 ms}, {@code 1.20 s}. */
    static String duration(Double millis) {
        if (millis == null || millis.isNaN()) {
            return NONE;
        }
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        return millis >= 1 ? String.format(Locale.ROOT, "%.2f ms", millis)
                : String.format(Locale.ROOT, "%.0f µs", millis * 1000);
    }

    /** A figure, or NaN when it is absent (a gap in a chart). */
    static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
