package dev.perf.analysis;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Gunther's Universal Scalability Law fitted to throughput against concurrency:
 * {@code X(N) = lambda N / (1 + sigma (N - 1) + kappa N (N - 1))}.
 *
 * @param lambda throughput of one user without contention (per second)
 * @param sigma  contention (serialisation), in [0, 1]
 * @param kappa  coherency (crosstalk), at least 0
 * @param r2     coefficient of determination of the fit against the measured throughput
 * @param n      levels fitted
 */
public record UslFit(double lambda, double sigma, double kappa, double r2, int n) {

    /** Fewer levels than this leave three parameters without a check on the fit. */
    public static final int MIN_LEVELS = 4;

    /** Throughput the law predicts at {@code users}. */
    public double throughputAt(double users) {
        return lambda * users / (1 + sigma * (users - 1) + kappa * users * (users - 1));
    }

    /** The concurrency of peak throughput, {@code sqrt((1 - sigma) / kappa)}; {@code null} when kappa is 0 (no peak). */
    public Double peakConcurrency() {
        return kappa <= 0 ? null : Math.sqrt((1 - sigma) / kappa);
    }

    /** Throughput at {@link #peakConcurrency()}; {@code null} without a peak. */
    public Double peakThroughput() {
        Double peak = peakConcurrency();
        return peak == null ? null : throughputAt(peak);
    }

    /**
     * Fits the law by Levenberg-Marquardt least squares (Apache Commons Math), started from Gunther's linearisation.
     *
     * @param users      concurrency of each level, at least {@link #MIN_LEVELS} distinct values
     * @param throughput throughput of each level, positive
     * @return the fit, or {@code null} when it does not converge
     */
    public static UslFit fit(double[] users, double[] throughput) {
        int n = users.length;
        double[] start = startingPoint(users, throughput);
        MultivariateJacobianFunction model = point -> {
            double lambda = point.getEntry(0);
            double sigma = point.getEntry(1);
            double kappa = point.getEntry(2);
            RealVector value = new ArrayRealVector(n);
            RealMatrix jacobian = new Array2DRowRealMatrix(n, 3);
            for (int i = 0; i < n; i++) {
                double u = users[i];
                double d = 1 + sigma * (u - 1) + kappa * u * (u - 1);
                value.setEntry(i, lambda * u / d);
                jacobian.setEntry(i, 0, u / d);
                jacobian.setEntry(i, 1, -lambda * u * (u - 1) / (d * d));
                jacobian.setEntry(i, 2, -lambda * u * u * (u - 1) / (d * d));
            }
            return new Pair<>(value, jacobian);
        };
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(start)
                    .model(model)
                    .target(throughput)
                    .parameterValidator(p -> {
                        p.setEntry(0, Math.max(p.getEntry(0), 1e-12));
                        p.setEntry(1, Math.min(Math.max(p.getEntry(1), 0), 1));
                        p.setEntry(2, Math.max(p.getEntry(2), 0));
                        return p;
                    })
                    .maxEvaluations(10_000)
                    .maxIterations(10_000)
                    .build());
            RealVector p = optimum.getPoint();
            UslFit fit = new UslFit(p.getEntry(0), p.getEntry(1), p.getEntry(2), 0, n);
            return new UslFit(fit.lambda, fit.sigma, fit.kappa, rSquared(fit, users, throughput), n);
        } catch (ConvergenceException | TooManyEvaluationsException e) {
            return null;
        }
    }

    /**
     * Lambda from the lowest level (as if it scaled linearly up to there), then sigma and kappa from the linear least
     * squares of {@code N lambda / X(N) - 1 = sigma (N - 1) + kappa N (N - 1)}.
     */
    private static double[] startingPoint(double[] users, double[] throughput) {
        int lowest = 0;
        for (int i = 1; i < users.length; i++) {
            if (users[i] < users[lowest]) {
                lowest = i;
            }
        }
        double lambda = throughput[lowest] / users[lowest];
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        for (int i = 0; i < users.length; i++) {
            double u = users[i];
            double a = u - 1;
            double b = u * (u - 1);
            double y = u * lambda / throughput[i] - 1;
            saa += a * a;
            sab += a * b;
            sbb += b * b;
            say += a * y;
            sby += b * y;
        }
        double det = saa * sbb - sab * sab;
        double sigma = det == 0 ? 0 : (say * sbb - sby * sab) / det;
        double kappa = det == 0 ? 0 : (saa * sby - sab * say) / det;
        return new double[]{lambda, Math.min(Math.max(sigma, 0), 1), Math.max(kappa, 0)};
    }

    private static double rSquared(UslFit fit, double[] users, double[] throughput) {
        double mean = 0;
        for (double x : throughput) {
            mean += x / throughput.length;
        }
        double residual = 0;
        double total = 0;
        for (int i = 0; i < users.length; i++) {
            double e = throughput[i] - fit.throughputAt(users[i]);
            residual += e * e;
            total += (throughput[i] - mean) * (throughput[i] - mean);
        }
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }
}
