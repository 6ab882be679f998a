package dev.perf.scenario;


import java.time.Duration;

/**
 * A pass/fail rule: {@code [request.]metric op limit}, such as {@code p95 <= 500ms} or
 * {@code create-customer.success-rate >= 99%}. Built by {@link ThresholdParser}.
 *
 * @param expression the text as written
 * @param request    request name the rule applies to, or {@code null} for the whole scenario
 * @param metric     what is measured
 * @param comparison how actual and limit are compared
 * @param limit      in the metric's unit: percent, milliseconds, per second, a count, a load or a number
 * @param limitKind  for a load limit, how it was written: {@code RATE} ({@code 150/s}), {@code USERS}
 *                   ({@code 50 users}) or {@code null} (a bare number, read in the plan's unit)
 * @param relative   a limit relative to the baseline ({@code baseline * 1.10}, {@code baseline + 0.5%}), or
 *                   {@code null} for an absolute {@code limit}
 * @param allResponses a latency limit judges every completed response, failures included ({@code responses: all});
 *                   by default it judges the successful ones, so that fast failures cannot make a service look fast
 * @param flow       {@code request} names a flow of several steps: the rule judges its iterations (each from its
 *                   first step's start to its last step's end; a success when every step succeeded)
 */
public record Threshold(String expression, String request, Metric metric, Comparison comparison, double limit,
                        LimitKind limitKind, Relative relative, int minSamples, boolean abort, Duration after,
                        Duration over, boolean allResponses, boolean flow) {

    public Threshold(String expression, String request, Metric metric, Comparison comparison, double limit,
                     LimitKind limitKind, Relative relative, int minSamples, boolean abort, Duration after,
                     Duration over, boolean allResponses) {
        this(expression, request, metric, comparison, limit, limitKind, relative, minSamples, abort, after, over,
                allResponses, false);
    }

    public Threshold(String expression, String request, Metric metric, Comparison comparison, double limit,
                     LimitKind limitKind, Relative relative) {
        this(expression, request, metric, comparison, limit, limitKind, relative, 0, false, null, null, false);
    }

    public Threshold(String expression, String request, Metric metric, Comparison comparison, double limit,
                     LimitKind limitKind, Relative relative, int minSamples, boolean abort, Duration after,
                     Duration over) {
        this(expression, request, metric, comparison, limit, limitKind, relative, minSamples, abort, after, over,
                false);
    }

    /** The same threshold judging every completed response, failures included (latency metrics only differ). */
    public Threshold onAllResponses() {
        return new Threshold(expression, request, metric, comparison, limit, limitKind, relative, minSamples, abort,
                after, over, true, flow);
    }

    /** The same rule on the iterations of the flow {@code name}. */
    public Threshold onFlow(String name) {
        return new Threshold(expression, name, metric, comparison, limit, limitKind, relative, minSamples, abort,
                after, over, allResponses, true);
    }

    /** The same rule on the request {@code name} (a flow's step, written {@code flow.step.metric}). */
    public Threshold onRequest(String name) {
        return new Threshold(expression, name, metric, comparison, limit, limitKind, relative, minSamples, abort,
                after, over, allResponses, false);
    }


    /**
     * The same threshold with options from its YAML form.
     *
     * @param minSamples fewer responses than this: not judged (0: any)
     * @param abort      stop the run as soon as it breaks, as k6's abortOnFail
     */
    public Threshold withOptions(int minSamples, boolean abort) {
        return new Threshold(expression, request, metric, comparison, limit, limitKind, relative, minSamples, abort,
                after, over, allResponses, flow);
    }

    /**
     * The same threshold judged on part of the run.
     *
     * @param after only responses from this offset on ({@code null}: from the start)
     * @param over  on the worst window of this length ({@code null}: on everything)
     */
    public Threshold judgedOn(Duration after, Duration over) {
        String base = this.after == null && this.over == null ? expression
                : expression.replaceAll(" (after|over) \\S+", "");
        String text = base + (after == null ? "" : " after " + Durations.format(after))
                + (over == null ? "" : " over " + Durations.format(over));
        return new Threshold(text, request, metric, comparison, limit, limitKind, relative, minSamples, abort,
                after, over, allResponses, flow);
    }

    /** Whether it is judged on part of the run rather than the whole. */
    public boolean partial() {
        return after != null || over != null;
    }

    /** Whether a higher figure is the worse one: the limit is an upper bound. */
    public boolean higherIsWorse() {
        return comparison == Comparison.LT || comparison == Comparison.LE;
    }

    /**
     * A limit computed from the baseline's figure: {@code baseline * factor} or {@code baseline + offset} (the offset
     * in the metric's unit, negative for {@code -}).
     */
    public record Relative(boolean multiply, double operand) {
        public double limit(double baseline) {
            return multiply ? baseline * operand : baseline + operand;
        }
    }

    public boolean isRelative() {
        return relative != null;
    }

    /** How a load limit was written. */
    public enum LimitKind { RATE, USERS }

    /** Whether the rule holds for {@code actual}; never for a value that cannot be computed. */
    public boolean holds(Double actual) {
        return holds(actual, limit);
    }

    /** Whether the rule holds for {@code actual} against {@code limit} (a relative limit, once computed). */
    public boolean holds(Double actual, double limit) {
        return actual != null && !actual.isNaN() && comparison.holds(actual, limit);
    }

    public String target() {
        return request == null ? "scenario" : request;
    }
}
