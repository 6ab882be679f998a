package dev.perf.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** Numbers as the pages show them: fixed decimals, thousands separators, "n/a" where a figure is absent. */
final class Format {
    static final String NONE = "n/a";

    private Format() {
    }

    static String count(JsonNode node) {
        return node.isNumber() ? count(node.asLong()) : NONE;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(JsonNode node) {
        return node.isNumber() ? percent(node.asDouble()) : NONE;
    }

    static String percent(Double value) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String fixed(JsonNode node, int decimals) {
        return node.isNumber() ? fixed(node.asDouble(), decimals) : NONE;
    }

    static String fixed(Double value, int decimals) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A value of a JSON number, or NaN when it is absent or null (a gap in a chart). */
    static double orNaN(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
