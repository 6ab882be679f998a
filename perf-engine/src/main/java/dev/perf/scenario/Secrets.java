package dev.perf.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The secret values of a scenario: credentials of {@code auth:}, the values of {@code Authorization}, {@code Cookie}
 * and {@code Proxy-Authorization} headers, and the variables listed under {@code secrets:}. Every message that
 * reaches the console or a result file passes through {@link #mask}; header values of the sensitive headers are
 * never shown at all. Its {@code toString} shows no value.
 */
public final class Secrets {
    /** Headers whose values are never shown. */
    public static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    /** Shorter values are not masked inside other text (a 1-character password would mask every such letter). */
    static final int MIN_LENGTH = 3;
    private static final String MASK = "***";
    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    public static Secrets none() {
        return new Secrets(List.of());
    }

    /** @param values secret values; blank ones are ignored, longer ones are masked first */
    public static Secrets of(java.util.Collection<String> values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v != null && v.length() >= MIN_LENGTH && !kept.contains(v)) {
                kept.add(v);
            }
        }
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(kept));
    }

    public static boolean sensitiveHeader(String name) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The text with every secret value replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String v : values) {
            if (masked.contains(v)) {
                masked = masked.replace(v, MASK);
            }
        }
        return masked;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "Secrets[" + values.size() + " values]";
    }
}
