package dev.perf.analysis;

/**
 * An ordinary least-squares line {@code y = intercept + slope * x}.
 *
 * @param r2 coefficient of determination; {@code null} when y does not vary (a flat line is fitted exactly but
 *           explains nothing)
 * @param n  points used
 */
public record LinearFit(double slope, double intercept, Double r2, int n) {

    /** @return the fit, or {@code null} with fewer than two points or when all x are equal */
    public static LinearFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return null;
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        Double r2 = syy == 0 ? null : (sxy * sxy) / (sxx * syy);
        return new LinearFit(slope, meanY - slope * meanX, r2, n);
    }
}
