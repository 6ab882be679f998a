package dev.perf.analysis;

/**
 * A threshold judged against a run.
 *
 * @param threshold the rule
 * @param actual    measured value in the metric's unit, or {@code null} when there was no data
 * @param passed    whether the rule holds; never true without data
 */
public record ThresholdResult(Threshold threshold, Double actual, boolean passed) {

    /** "p95 <= 500ms: 123.40ms" or "p95 <= 500ms: no data". */
    public String describe() {
        String measured = actual == null ? "no data" : threshold.metric().format(actual);
        return threshold.expression() + "  (measured " + measured + ")";
    }
}
