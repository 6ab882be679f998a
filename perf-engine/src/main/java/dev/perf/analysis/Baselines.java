package dev.perf.analysis;

import dev.perf.scenario.Metric;

/**
 * The baseline a run is compared with: for each request and metric, the figure of earlier comparable runs (their
 * median, with their spread). Provided by the history.
 */
public interface Baselines {

    /**
     * @param request a request name, or {@code null} for the whole scenario
     * @return the baseline, or {@code null} when there is none
     */
    Figure of(String request, Metric metric);

    /** Why there is no baseline, for people: "no earlier comparable run of this scenario on branch main". */
    String whyNone();

    /**
     * Whether the user pinned the baseline to one run ({@code perf.baselineRun}): then it is judged against however few
     * runs it has, as asked; otherwise fewer than {@link RegressionCheck#MIN_RUNS} runs are too few to judge.
     */
    default boolean pinned() {
        return false;
    }

    /** No baseline for anything, for the reason given. */
    static Baselines none(String why) {
        return new Baselines() {
            @Override
            public Figure of(String request, Metric metric) {
                return null;
            }

            @Override
            public String whyNone() {
                return why;
            }
        };
    }

    /**
     * @param median the median of the runs' figures: what relative limits are computed from
     * @param min    the lowest of them
     * @param max    the highest of them
     * @param runs   how many runs it comes from
     * @param values the runs' figures, sorted
     */
    record Figure(double median, double min, double max, int runs, double[] values) {

        /**
         * The spread of the runs' figures: the larger of their sample standard deviation and the robust one
         * (1.4826 x the median absolute deviation), so one odd run cannot hide the noise of the others.
         */
        public double sigma() {
            return Math.max(stdev(), robustSigma());
        }

        private double stdev() {
            if (values.length < 2) {
                return 0;
            }
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double sum = 0;
            for (double v : values) {
                sum += (v - mean) * (v - mean);
            }
            return Math.sqrt(sum / (values.length - 1));
        }

        private double robustSigma() {
            double[] deviations = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                deviations[i] = Math.abs(values[i] - median);
            }
            return values.length == 0 ? 0 : 1.4826 * Medians.of(deviations);
        }
    }
}
