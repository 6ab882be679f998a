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

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    /** An ISO-8601 instant from a result file, to the second in UTC; as written when it is not one. */
    static String instant(String iso) {
        if (iso == null || iso.isEmpty()) {
            return "";
        }
        try {
            return TIME.format(java.time.Instant.parse(iso));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /** A run's length: {@code 2.5 s}, {@code 4 min 10 s}, {@code 1 h 2 min}. */
    static String seconds(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0) {
            return NONE;
        }
        if (seconds < 60) {
            return SvgChart.number(Math.round(seconds * 10) / 10.0) + " s";
        }
        long whole = Math.round(seconds);
        return whole < 3600 ? whole / 60 + " min " + whole % 60 + " s" : whole / 3600 + " h " + whole % 3600 / 60 + " min";
    }

    /** A figure, or NaN when it is absent (a gap in a chart). */
    static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
