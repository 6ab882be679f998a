package dev.perf.scenario;


import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses threshold expressions.
 *
 * <pre>
 * threshold  := [ target "." ] metric ws* op ws* value
 * target     := a request name of the scenario (letters, digits, '-', '_'), a step's, or a flow's:
 *               flow             the flow's iterations (from the first step's start to the last step's end)
 *               flow ".duration" the same, written out
 *               flow "." step    a step of the flow (the same as the step's name alone)
 * metric     := "success-rate" | "error-rate"                  value: percent, e.g. 95%
 *             | "avg" | "min" | "max" | "median" | "stddev"    value: duration, e.g. 500ms, 1s, 250us
 *             | "p" number  (0 &lt; number &lt;= 100: p50, p99.9) value: duration
 *             | "rps"                                          value: number, optional "/s"
 *             | "count" | "dropped" | "checks-not-judged"        value: whole number
 *             | "dropped-rate"  (share of the arrivals dropped)  value: percent
 *             | "apdex(" duration ")"  (e.g. apdex(500ms); whole run, absolute limit)  value: number 0..1
 *             | phase "." ( "avg" | "min" | "max" | "median" | "stddev" | "p" number )     value: duration
 *             | phase ".count"  (how many exchanges went through it: connect.count, new connections)  value: number
 * phase      := "dns" | "connect" | "tls" | "send" | "ttfb" | "receive"   (see {@link Phase}; over the exchanges
 *               where the phase happened, failed ones too; whole run or stage, absolute limit)
 * analysis   := after a stepped test (no request prefix):
 *               "breakpoint" | "degradation-start" | "optimal-load" | "max-sustainable-load"
 *                                                             value: load, e.g. 150/s (rate steps) or 50 (users)
 *             | "max-sustainable-rps" | "usl.lambda" | "usl.peak-throughput"   value: per second
 *             | "avg-slope" | "median-slope" | "p95-slope" (ms per unit of load) | "usl.sigma" | "usl.kappa" | "usl.r2"
 *             | "usl.peak-concurrency"                         value: number
 * resources  := [ "generator." | "target." ] resource "." ( "avg" | "max" )   (see MonitorMetric)
 *               cpu, memory-percent: percent; memory: size (512MB); disk-*, net-*: size per second (50MB/s);
 *               load, threads, open-files, connections, tcp-established: number
 * value      := a limit as above, or relative to the baseline (earlier comparable runs, see the history):
 *               "baseline" [ "*" factor | "+" limit | "-" limit ]     e.g. baseline * 1.10, baseline + 0.5%
 * op         := "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!="
 * </pre>
 * Latency metrics are measured from each request's intended send time, over the successful responses (over every
 * completed one with the option {@code responses: all}).
 */
public final class ThresholdParser {
    private static final Pattern EXPRESSION = Pattern.compile(
            "^\\s*(?:(?<request>[A-Za-z0-9_-]+)\\.)?(?<metric>[a-z][a-z0-9.-]*?(?:\\([^)]*\\))?)\\s*(?<op><=|>=|==|!=|<|>)\\s*(?<value>\\S.*?)\\s*$");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");
    private static final Pattern APDEX = Pattern.compile("apdex\\(\\s*([^)]*?)\\s*\\)");
    /** {@code flow.duration.metric}: a flow's iterations, written out (a flow's name alone says the same). */
    public static final String FLOW_DURATION = "duration";
    private static final Pattern STEP = Pattern.compile("[A-Za-z0-9_-]+");

    private ThresholdParser() {
    }

    /**
     * @throws IllegalArgumentException with a message saying what is wrong and what is valid
     */
    public static Threshold parse(String expression) {
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + expression + "' is not a threshold; expected "
                    + "[request.]metric op value, e.g. 'p95 <= 500ms' or 'get-customer.success-rate >= 99%'");
        }
        String request = m.group("request");
        String name = m.group("metric");
        MonitorMetric monitor = MonitorMetric.parse(request == null ? name : request + "." + name);
        if (monitor != null) {
            // cpu.avg, target.memory.max, ...: a resource figure, not a request
            name = request == null ? name : request + "." + name;
            request = null;
        }
        if (request != null && Phase.of(request) != null) {
            // connect.p95: a phase of every request, not a request named connect
            name = request + "." + name;
            request = null;
        }
        if (request != null && Metric.ANALYSIS.contains(request + "." + name)) {
            // usl.sigma and friends: a dotted analysis metric, not a request
            name = request + "." + name;
            request = null;
        }
        boolean flow = false;
        Metric metric;
        try {
            metric = metric(name);
        } catch (IllegalArgumentException unknown) {
            int dot = name.indexOf('.');
            if (request == null || dot < 0) {
                throw unknown;
            }
            // flow.duration.p95 (the flow's iterations) or flow.step.p95 (a step of the flow, as the reader checks)
            String part = name.substring(0, dot);
            if (part.equals(FLOW_DURATION)) {
                flow = true;
            } else if (STEP.matcher(part).matches()) {
                request = request + "." + part;
            } else {
                throw unknown;
            }
            name = name.substring(dot + 1);
            metric = metric(name);
        }
        if (metric.isAnalysis() && request != null) {
            throw new IllegalArgumentException(name + " describes the whole stepped run; write it without a request "
                    + "name ('" + name + " " + m.group("op") + " " + m.group("value") + "')");
        }
        Comparison op = Comparison.fromSymbol(m.group("op"));
        String value = m.group("value");
        if (value.startsWith("baseline")) {
            if (metric.phase() != null) {
                throw new IllegalArgumentException(metric.name() + ": the history does not keep phase times; give an "
                        + "absolute limit, e.g. '" + metric.name() + " " + m.group("op") + " 50ms'");
            }
            if (metric.isAnalysis() || metric.monitor() != null) {
                throw new IllegalArgumentException(metric.name() + ": a limit relative to the baseline applies to the "
                        + "responses' figures (p95, avg, rps, success-rate, ...)");
            }
            Threshold relative = new Threshold(expression.trim(), request, metric, op, Double.NaN, null,
                    relative(metric, value));
            return flow ? relative.onFlow(request) : relative;
        }
        double limit = limit(metric, value);
        Threshold.LimitKind kind = null;
        if (metric.unit() == Metric.Unit.LOAD) {
            kind = value.contains("/") ? Threshold.LimitKind.RATE
                    : value.endsWith("user") || value.endsWith("users") ? Threshold.LimitKind.USERS : null;
        }
        Threshold threshold = new Threshold(expression.trim(), request, metric, op, limit, kind, null);
        return flow ? threshold.onFlow(request) : threshold;
    }

    /**
     * The metric a threshold names, such as {@code p95} or {@code target.cpu.max}.
     *
     * @throws IllegalArgumentException for an unknown name, saying what is valid
     */
    public static Metric metric(String name) {
        MonitorMetric monitor = MonitorMetric.parse(name);
        if (monitor != null) {
            return new Metric(name, switch (monitor.metric().kind()) {
                case PERCENT -> Metric.Unit.PERCENT;
                case BYTES -> Metric.Unit.BYTES;
                case BYTES_PER_SECOND -> Metric.Unit.BYTES_PER_SECOND;
                case COUNT -> Metric.Unit.NUMBER;
                case NUMBER -> Metric.Unit.NUMBER;
            }, 0);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && Phase.of(name.substring(0, dot)) != null) {
            return phaseMetric(name, name.substring(dot + 1));
        }
        switch (name) {
            case "success-rate":
            case "error-rate":
            case "dropped-rate":
                return new Metric(name, Metric.Unit.PERCENT, 0);
            case "avg":
            case "min":
            case "max":
            case "stddev":
                return new Metric(name, Metric.Unit.MILLIS, 0);
            case "median":
                return new Metric(name, Metric.Unit.MILLIS, 50);
            case "rps":
                return new Metric(name, Metric.Unit.PER_SECOND, 0);
            case "count":
            case "dropped":
            case Metric.CHECKS_NOT_JUDGED:
                return new Metric(name, Metric.Unit.COUNT, 0);
            case "breakpoint":
            case "degradation-start":
            case "optimal-load":
            case "max-sustainable-load":
                return new Metric(name, Metric.Unit.LOAD, 0);
            case "max-sustainable-rps":
            case "usl.lambda":
            case "usl.peak-throughput":
                return new Metric(name, Metric.Unit.PER_SECOND, 0);
            case "avg-slope":
            case "median-slope":
            case "p95-slope":
            case "usl.sigma":
            case "usl.kappa":
            case "usl.r2":
            case "usl.peak-concurrency":
                return new Metric(name, Metric.Unit.NUMBER, 0);
            default:
                Matcher apdex = APDEX.matcher(name);
                if (apdex.matches()) {
                    try {
                        Duration target = Durations.parse(apdex.group(1));
                        if (target.isZero()) {
                            throw new IllegalArgumentException("must be longer than zero");
                        }
                        return new Metric(name, Metric.Unit.NUMBER, target.toNanos() / 1e6);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("apdex needs its target time T, e.g. apdex(500ms); '"
                                + apdex.group(1) + "': " + e.getMessage());
                    }
                }
                Matcher p = PERCENTILE.matcher(name);
                if (p.matches()) {
                    double percentile = Double.parseDouble(p.group(1));
                    if (percentile > 0 && percentile <= 100) {
                        return new Metric(name, Metric.Unit.MILLIS, percentile);
                    }
                    throw new IllegalArgumentException("percentile '" + name + "' must be between p0 and p100 "
                            + "(e.g. p95, p99.9)");
                }
                throw new IllegalArgumentException("unknown metric '" + name + "'; valid: " + Metric.VALID_NAMES);
        }
    }

    /** {@code connect.p95}, {@code tls.max}, {@code connect.count}. */
    private static Metric phaseMetric(String name, String stat) {
        if (stat.equals("count")) {
            return new Metric(name, Metric.Unit.COUNT, 0);
        }
        Metric of;
        try {
            of = metric(stat);
        } catch (IllegalArgumentException e) {
            of = null;
        }
        if (of == null || !of.isLatency() || of.isApdex() || of.phase() != null) {
            throw new IllegalArgumentException("'" + name + "': a phase takes avg, min, max, median, stddev, a "
                    + "percentile (p95, p99.9) or count, e.g. " + name.substring(0, name.indexOf('.')) + ".p95");
        }
        return new Metric(name, of.unit(), of.percentile());
    }

    private static double limit(Metric metric, String value) {
        switch (metric.unit()) {
            case PERCENT:
                if (!value.endsWith("%")) {
                    throw new IllegalArgumentException(metric.name() + " needs a percentage such as 95%, was '" + value + "'");
                }
                double percent = number(metric, value.substring(0, value.length() - 1).trim());
                // a process's CPU is a share of one core: 200% is two cores
                boolean processCpu = metric.monitor() != null && metric.monitor().scope() != Scope.MACHINE;
                if (percent < 0 || (percent > 100 && !processCpu)) {
                    throw new IllegalArgumentException(metric.name() + " must be between 0% and 100%, was '" + value + "'");
                }
                return percent;
            case MILLIS:
                if (value.matches("\\d+(\\.\\d+)?")) {
                    throw new IllegalArgumentException(metric.name() + " needs a duration with a unit such as "
                            + value + "ms or " + value + "s, was '" + value + "'");
                }
                try {
                    return Durations.parse(value).toNanos() / 1e6;
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(metric.name() + ": " + e.getMessage());
                }
            case PER_SECOND:
                return number(metric, value.endsWith("/s") ? value.substring(0, value.length() - 2).trim() : value);
            case NUMBER:
                return number(metric, value);
            case BYTES:
                return bytes(metric, value);
            case BYTES_PER_SECOND:
                if (!value.endsWith("/s")) {
                    throw new IllegalArgumentException(metric.name() + " needs a size per second such as 50MB/s, was '"
                            + value + "'");
                }
                return bytes(metric, value.substring(0, value.length() - 2));
            case LOAD:
                return load(metric, value);
            default:
                if (!value.matches("\\d{1,15}")) {
                    throw new IllegalArgumentException(metric.name() + " needs a whole number below 10^15, was '"
                            + value + "'");
                }
                return Long.parseLong(value);
        }
    }

    /** {@code baseline}, {@code baseline * 1.1}, {@code baseline + 20ms}, {@code baseline - 0.5%}. */
    private static Threshold.Relative relative(Metric metric, String value) {
        String rest = value.substring("baseline".length()).trim();
        if (rest.isEmpty()) {
            return new Threshold.Relative(true, 1);
        }
        char op = rest.charAt(0);
        String operand = rest.substring(1).trim();
        if (op == '*') {
            double factor = number(metric, operand);
            if (factor <= 0) {
                throw new IllegalArgumentException(metric.name() + ": the factor must be positive, was '" + operand + "'");
            }
            return new Threshold.Relative(true, factor);
        }
        if (op == '+' || op == '-') {
            double offset = metric.unit() == Metric.Unit.PERCENT ? percentPoints(metric, operand) : limit(metric, operand);
            return new Threshold.Relative(false, op == '-' ? -offset : offset);
        }
        throw new IllegalArgumentException(metric.name() + ": '" + value + "' is not a baseline limit; write e.g. "
                + "'baseline * 1.10', 'baseline + 20ms' or 'baseline + 0.5%'");
    }

    private static double percentPoints(Metric metric, String operand) {
        if (!operand.endsWith("%")) {
            throw new IllegalArgumentException(metric.name() + " needs percentage points such as 0.5%, was '"
                    + operand + "'");
        }
        return number(metric, operand.substring(0, operand.length() - 1).trim());
    }

    private static double bytes(Metric metric, String value) {
        try {
            return Bytes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(metric.name() + ": " + e.getMessage());
        }
    }

    private static double load(Metric metric, String value) {
        Matcher users = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*users?").matcher(value);
        if (users.matches()) {
            return Double.parseDouble(users.group(1));
        }
        if (value.contains("/")) {
            try {
                return Rates.parsePerSecond(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(metric.name() + ": " + e.getMessage());
            }
        }
        double number = number(metric, value);
        if (number < 0) {
            throw new IllegalArgumentException(metric.name() + " needs a load such as 150/s or 50 users, was '" + value + "'");
        }
        return number;
    }

    /** A plain decimal number such as 12, 0.5 or -3 (no NaN, infinity, exponent or hex), below 10^15 in size. */
    private static double number(Metric metric, String text) {
        if (!text.matches("-?\\d{1,15}(\\.\\d{1,15})?")) {
            throw new IllegalArgumentException(metric.name() + " needs a number such as 12 or 0.5 (below 10^15), was '"
                    + text + "'");
        }
        return Double.parseDouble(text);
    }
}
