package dev.perf.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Lasting shifts in a series of runs' figures, by E-Divisive means (Matteson and James, 2014, "A Nonparametric
 * Approach for Multiple Change Point Analysis of Multivariate Data"; the method of MongoDB's performance CI and
 * Apache Otava): split the series where the energy distance between the two sides is largest, keep the split when a
 * permutation test says it is significant, and repeat on both sides. Segments shorter than {@code minSize} are not
 * considered, so a single outlier is never a change point.
 */
public final class ChangePoints {
    /** Each side of a change must hold at least this many runs. */
    public static final int MIN_SIZE = 3;
    /** A split is kept when its permutation p-value is below this. */
    public static final double P_VALUE = 0.01;
    /** Permutations per significance test. */
    public static final int PERMUTATIONS = 199;

    /**
     * @param index  the first run after the change
     * @param before median of the segment before
     * @param after  median of the segment after
     * @param p      the permutation test's p-value
     */
    public record Change(int index, double before, double after, double p) {
        public double changePercent() {
            return before == 0 ? Double.NaN : (after - before) * 100 / before;
        }
    }

    private ChangePoints() {
    }

    /** The change points of {@code series}, in order; {@code seed} makes the permutation tests repeatable. */
    public static List<Change> find(double[] series, long seed) {
        Random random = new Random(seed);
        List<Integer> cuts = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        List<int[]> segments = new ArrayList<>();
        segments.add(new int[]{0, series.length});
        while (true) {
            int bestSegment = -1;
            int bestTau = -1;
            double bestQ = 0;
            for (int s = 0; s < segments.size(); s++) {
                int[] seg = segments.get(s);
                double[] values = Arrays.copyOfRange(series, seg[0], seg[1]);
                int[] tau = new int[1];
                double q = bestSplit(values, tau);
                if (tau[0] > 0 && q > bestQ) {
                    bestQ = q;
                    bestSegment = s;
                    bestTau = seg[0] + tau[0];
                }
            }
            if (bestSegment < 0) {
                break;
            }
            int[] seg = segments.get(bestSegment);
            double p = pValue(Arrays.copyOfRange(series, seg[0], seg[1]), bestQ, random);
            if (p >= P_VALUE) {
                break;
            }
            cuts.add(bestTau);
            pValues.add(p);
            segments.remove(bestSegment);
            segments.add(new int[]{seg[0], bestTau});
            segments.add(new int[]{bestTau, seg[1]});
        }
        List<Integer> sorted = new ArrayList<>(cuts);
        sorted.sort(null);
        List<Change> changes = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            int cut = sorted.get(i);
            int start = i == 0 ? 0 : sorted.get(i - 1);
            int end = i == sorted.size() - 1 ? series.length : sorted.get(i + 1);
            changes.add(new Change(cut, Medians.of(Arrays.copyOfRange(series, start, cut)),
                    Medians.of(Arrays.copyOfRange(series, cut, end)), pValues.get(cuts.indexOf(cut))));
        }
        return changes;
    }

    /**
     * The split of {@code x} with the largest energy statistic Q, in O(n^2) with prefix sums of the distance matrix.
     *
     * @param tau set to the split (the first index of the right side), 0 when no split is possible
     */
    static double bestSplit(double[] x, int[] tau) {
        int n = x.length;
        tau[0] = 0;
        if (n < 2 * MIN_SIZE) {
            return 0;
        }
        double[][] s = prefixSums(x);
        double best = Double.NEGATIVE_INFINITY;
        for (int t = MIN_SIZE; t <= n - MIN_SIZE; t++) {
            double q = q(s, n, t);
            if (q > best) {
                best = q;
                tau[0] = t;
            }
        }
        return best;
    }

    /** S[i][j] = sum of |x_p - x_q| for p < i, q < j. */
    private static double[][] prefixSums(double[] x) {
        int n = x.length;
        double[][] s = new double[n + 1][n + 1];
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= n; j++) {
                s[i][j] = Math.abs(x[i - 1] - x[j - 1]) + s[i - 1][j] + s[i][j - 1] - s[i - 1][j - 1];
            }
        }
        return s;
    }

    private static double block(double[][] s, int r0, int r1, int c0, int c1) {
        return s[r1][c1] - s[r0][c1] - s[r1][c0] + s[r0][c0];
    }

    /** Matteson and James' Q for the split at t of a series of length n (alpha = 1). */
    private static double q(double[][] s, int n, int t) {
        int m = n - t;
        double between = block(s, 0, t, t, n) / ((double) t * m);
        double left = block(s, 0, t, 0, t) / ((double) t * (t - 1));
        double right = block(s, t, n, t, n) / ((double) m * (m - 1));
        return (double) t * m / n * (2 * between - left - right);
    }

    private static double pValue(double[] segment, double observed, Random random) {
        double[] shuffled = segment.clone();
        int atLeast = 0;
        int[] tau = new int[1];
        for (int i = 0; i < PERMUTATIONS; i++) {
            for (int k = shuffled.length - 1; k > 0; k--) {
                int j = random.nextInt(k + 1);
                double tmp = shuffled[k];
                shuffled[k] = shuffled[j];
                shuffled[j] = tmp;
            }
            if (bestSplit(shuffled, tau) >= observed) {
                atLeast++;
            }
        }
        return (atLeast + 1.0) / (PERMUTATIONS + 1.0);
    }
}
