package dev.perf.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints arrival rates: {@code 200/s}, {@code 50/m}, {@code 10/h}; a bare number is per second. */
public final class Rates {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|second|m|min|minute|h|hour))?");
    /** The highest rate: far above what one generator sends, far below where arithmetic on it loses precision. */
    public static final double MAX_PER_SECOND = 10_000_000;
    /** What a valid rate looks like, for error messages. */
    public static final String VALID = "a positive number per s, m or h (e.g. 200/s, 50/m)";

    private Rates() {
    }

    /** @return arrivals per second, positive */
    public static double parsePerSecond(String text) {
        Matcher m = RATE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; expected " + VALID);
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).substring(0, 1);
        double perSecond = switch (unit) {
            case "m" -> value / 60.0;
            case "h" -> value / 3600.0;
            default -> value;
        };
        if (perSecond <= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; expected " + VALID);
        }
        if (perSecond > MAX_PER_SECOND) {
            throw new IllegalArgumentException("'" + text + "' is more than " + (long) MAX_PER_SECOND
                    + "/s, the highest rate allowed; split the load across shards or machines");
        }
        return perSecond;
    }

    public static String format(double perSecond) {
        if (perSecond == Math.rint(perSecond)) {
            return (long) perSecond + "/s";
        }
        if (perSecond * 60 == Math.rint(perSecond * 60)) {
            return (long) (perSecond * 60) + "/m";
        }
        return String.format(Locale.ROOT, "%.2f/s", perSecond);
    }
}
