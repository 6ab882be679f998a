package dev.perf.scenario;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations such as {@code 250us}, {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} and
 * combinations like {@code 1m30s}, up to {@link #MAX}.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");
    /** The longest duration anything may be: 30 days, longer than any soak test and far from overflowing a long. */
    public static final Duration MAX = Duration.ofHours(720);
    /** What a valid duration looks like, for error messages. */
    public static final String VALID = "a number with a unit: us, ms, s, m or h (e.g. 500ms, 30s, 1m30s)";

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the bad text and {@link #VALID}
     */
    public static Duration parse(String text) {
        String s = text.trim();
        Matcher m = PART.matcher(s);
        double nanos = 0;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
            at = m.end();
        }
        if (s.isEmpty() || at != s.length()) {
            throw new IllegalArgumentException("'" + Printable.quoted(text) + "' is not a duration; expected " + VALID);
        }
        if (!(nanos <= MAX.toNanos())) {
            throw new IllegalArgumentException("'" + Printable.quoted(text) + "' is longer than " + format(MAX)
                    + ", the longest duration allowed");
        }
        return Duration.ofNanos((long) nanos);
    }

    private static double unitNanos(String unit) {
        switch (unit) {
            case "us": return 1e3;
            case "ms": return 1e6;
            case "s": return 1e9;
            case "m": return 60e9;
            default: return 3600e9;
        }
    }

    /** Short form for people: 1h2m, 30s, 1.5s, 500ms, 250us. */
    public static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000_000L == 0 && nanos >= 60_000_000_000L) {
            long s = nanos / 1_000_000_000L;
            StringBuilder out = new StringBuilder();
            if (s >= 3600) {
                out.append(s / 3600).append('h');
                s %= 3600;
            }
            if (s >= 60) {
                out.append(s / 60).append('m');
                s %= 60;
            }
            if (s > 0) {
                out.append(s).append('s');
            }
            return out.toString();
        }
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + "s";
        }
        if (nanos >= 1_000_000L) {
            return trim(nanos / 1e6) + "ms";
        }
        return trim(nanos / 1e3) + "us";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v)
                .replaceAll("0+$", "");
    }
}
