package dev.perf.analysis;

/**
 * A threshold judged against a run.
 *
 * @param threshold the rule
 * @param actual    measured value in the metric's unit; {@code null} when there was no data, or for an analysis
 *                  finding that was not reached (then {@code note} says so)
 * @param passed    whether the rule holds; never true without data
 * @param note      why there is no plain value ("not reached up to 200/s", "needs at least 4 levels"), or {@code null}
 */
public record ThresholdResult(Threshold threshold, Double actual, boolean passed, String note) {

    /** "p95 <= 500ms  (measured 123.40ms)" or "p95 <= 500ms  (measured no data)". */
    public String describe() {
        String measured = note != null ? note : actual == null ? "no data" : threshold.metric().format(actual)
                + (threshold.limitKind() == Threshold.LimitKind.RATE ? "/s"
                : threshold.limitKind() == Threshold.LimitKind.USERS ? " users" : "");
        return threshold.expression() + "  (" + (note != null ? "" : "measured ") + measured + ")";
    }
}
