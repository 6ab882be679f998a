package dev.perf.analysis;

/**
 * The baseline a run is compared with: for each request and metric, the figure of earlier passing runs (their
 * median, with their spread). Provided by the history.
 */
public interface Baselines {

    /**
     * @param request a request name, or {@code null} for the whole scenario
     * @return the baseline, or {@code null} when there is none
     */
    Figure of(String request, Metric metric);

    /** Why there is no baseline, for people: "no earlier passing run of this scenario on branch main". */
    String whyNone();

    /**
     * @param median the median of the runs' figures: what relative limits are computed from
     * @param min    the lowest of them
     * @param max    the highest of them
     * @param runs   how many runs it comes from
     */
    record Figure(double median, double min, double max, int runs) {
    }
}
