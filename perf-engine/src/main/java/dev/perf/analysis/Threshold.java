package dev.perf.analysis;

/**
 * A pass/fail rule: {@code [request.]metric op limit}, such as {@code p95 <= 500ms} or
 * {@code create-customer.success-rate >= 99%}. Built by {@link ThresholdParser}.
 *
 * @param expression the text as written
 * @param request    request name the rule applies to, or {@code null} for the whole scenario
 * @param metric     what is measured
 * @param comparison how actual and limit are compared
 * @param limit      in the metric's unit: percent, milliseconds, per second, or a count
 */
public record Threshold(String expression, String request, Metric metric, Comparison comparison, double limit) {

    public String target() {
        return request == null ? "scenario" : request;
    }
}
