package dev.perf.track;

import dev.perf.scenario.Threshold;
import dev.perf.scenario.ThresholdParser;
import dev.perf.scenario.yaml.TrackFileReader;

/** Thresholds written on a tracked test (an annotation's strings), checked as the YAML beside the tests is. */
public final class TrackedThresholds {

    private TrackedThresholds() {
    }

    /**
     * @param operation the operation an expression without a {@code name.} prefix is about, or {@code null} for all
     *                  of the test's operations
     * @throws IllegalArgumentException saying what is wrong and what is valid
     */
    public static Threshold parse(String expression, String operation) {
        Threshold threshold = ThresholdParser.parse(expression);
        String why = TrackFileReader.unsupported(threshold);
        if (why == null && operation != null && threshold.request() == null && threshold.metric().monitor() != null) {
            why = threshold.metric().name() + " is about the machine or this JVM while the whole test class runs; "
                    + "put it on the class";
        }
        if (why != null) {
            throw new IllegalArgumentException("'" + expression + "': " + why);
        }
        if (operation == null || threshold.request() != null) {
            return threshold;
        }
        return new Threshold(operation + "." + threshold.expression(), operation, threshold.metric(),
                threshold.comparison(), threshold.limit(), threshold.limitKind(), threshold.relative(),
                threshold.minSamples(), threshold.abort(), threshold.after(), threshold.over(),
                threshold.allResponses());
    }
}
