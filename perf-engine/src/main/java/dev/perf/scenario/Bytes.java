package dev.perf.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes byte sizes: {@code 512MB}, {@code 1.5GB}, {@code 800KB}, {@code 100B}; 1 KB = 1024 bytes. */
public final class Bytes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)");
    /** The largest size anything may be: 1024 TB. */
    static final double MAX = Math.pow(1024, 5);
    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Bytes() {
    }

    /** @throws IllegalArgumentException saying what is valid */
    public static double parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size; expected a number with B, KB, MB, GB "
                    + "or TB (1 KB = 1024 B), e.g. 512MB");
        }
        int power = switch (m.group(2).charAt(0)) {
            case 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (!(bytes <= MAX)) {
            throw new IllegalArgumentException("'" + text + "' is larger than 1024 TB, the largest size allowed");
        }
        return bytes;
    }

    /** {@code 512.0MB}, {@code 1.50GB}, {@code 800B}. */
    public static String format(double bytes) {
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0fB", value)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f%s" : value >= 10 ? "%.1f%s" : "%.2f%s", value, UNITS[unit]);
    }
}
