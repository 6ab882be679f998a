package dev.perf.analysis;

import java.util.Arrays;

/** The median of a few values (baseline runs, segments of a history). */
public final class Medians {

    private Medians() {
    }

    /** The median of {@code values} (not modified), {@code NaN} when there are none. */
    public static double of(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
