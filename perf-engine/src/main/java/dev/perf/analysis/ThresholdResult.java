package dev.perf.analysis;

import dev.perf.scenario.Threshold;

/**
 * A threshold judged against a run.
 *
 * @param threshold the rule
 * @param actual    measured value in the metric's unit; {@code null} when there was no data, or for an analysis
 *                  finding that was not reached (then {@code note} says so)
 * @param passed    whether the rule holds; never true without data
 * @param note      why there is no plain value ("not reached up to 200/s", "needs at least 4 levels"), or what a
 *                  relative limit was computed from; or {@code null}
 * @param judged    false when it could not be judged at all (a relative limit without a baseline yet): then it
 *                  neither passes nor breaks the build
 */
public record ThresholdResult(Threshold threshold, Double actual, boolean passed, String note, boolean judged) {

    public ThresholdResult(Threshold threshold, Double actual, boolean passed, String note) {
        this(threshold, actual, passed, note, true);
    }

    /** A breach: judged and not passed. */
    public boolean breached() {
        return judged && !passed;
    }

    /** "p95 <= 500ms  (measured 123.40ms)" or "p95 <= 500ms  (measured no data)". */
    public String describe() {
        if (threshold.isRelative()) {
            return threshold.expression() + "  (measured " + (actual == null ? "no data"
                    : threshold.metric().format(actual)) + (note == null ? "" : "; " + note) + ")";
        }
        String measured = note != null ? note : actual == null ? "no data" : threshold.metric().format(actual)
                + (threshold.limitKind() == Threshold.LimitKind.RATE ? "/s"
                : threshold.limitKind() == Threshold.LimitKind.USERS ? " users" : "");
        return threshold.expression() + "  (" + (note != null ? "" : "measured ") + measured + ")";
    }
}
