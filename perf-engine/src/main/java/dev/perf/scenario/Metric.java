package dev.perf.scenario;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * A figure a threshold can be put on.
 *
 * @param name       as written: {@code p95}, {@code success-rate}, ...
 * @param unit       how the limit is written and compared
 * @param percentile for percentile metrics, in (0, 100]; otherwise 0
 */
public record Metric(String name, Unit unit, double percentile) {

    /** How a metric's limit is written. */
    public enum Unit {
        /** A percentage, written {@code 95%}. */
        PERCENT,
        /** A duration, written with a unit ({@code 500ms}); compared in milliseconds. */
        MILLIS,
        /** Per second, written as a number, optionally with {@code /s}. */
        PER_SECOND,
        /** A whole number. */
        COUNT,
        /** A load level: arrivals per second ({@code 150/s}) or users ({@code 50}, {@code 50 users}). */
        LOAD,
        /** A plain number. */
        NUMBER,
        /** Bytes, written with a unit: {@code 512MB}, {@code 1.5GB} (1 KB = 1024 bytes, as top and Docker show). */
        BYTES,
        /** Bytes per second: {@code 50MB/s}. */
        BYTES_PER_SECOND
    }

    /** Checks that could not be judged (they read only the beginning of a long body); see the default gates (analysis.VerdictGates). */
    public static final String CHECKS_NOT_JUDGED = "checks-not-judged";

    /** The metrics of the scalability analysis after a stepped test. */
    public static final java.util.List<String> ANALYSIS = java.util.List.of("breakpoint", "degradation-start",
            "optimal-load", "max-sustainable-load", "max-sustainable-rps", "avg-slope", "median-slope", "p95-slope", "usl.lambda",
            "usl.sigma", "usl.kappa", "usl.peak-concurrency", "usl.peak-throughput", "usl.r2");

    /** The names the parser accepts, for error messages. */
    public static final String VALID_NAMES = "success-rate, error-rate, avg, min, max, median, stddev, "
            + "p50, p75, p90, p95, p99, p99.9 (any pN), apdex(T), rps, count, dropped, dropped-rate, checks-not-judged; after a stepped test also "
            + String.join(", ", ANALYSIS) + "; resources: " + MonitorMetric.VALID + "; phases of the exchanges: "
            + Phase.keys() + " as phase.stat (connect.p95, tls.max, ttfb.p99, connect.count)";

    /** The phase of the exchanges this times ({@code connect.p95}), or {@code null} when it is not a phase's. */
    public Phase phase() {
        int dot = name.indexOf('.');
        return dot > 0 ? Phase.of(name.substring(0, dot)) : null;
    }

    /** A phase metric's statistic: {@code p95} of {@code connect.p95}. */
    public String phaseStat() {
        return name.substring(name.indexOf('.') + 1);
    }

    /** The resource figure this names, or {@code null} when it is not one. */
    public MonitorMetric monitor() {
        return MonitorMetric.parse(name);
    }

    /** Whether it is {@code apdex(T)}: then {@code percentile} holds T in milliseconds. */
    public boolean isApdex() {
        return name.startsWith("apdex(");
    }

    /** Whether the figure comes from the scalability analysis of a stepped run rather than from responses. */
    public boolean isAnalysis() {
        return ANALYSIS.contains(name);
    }

    /**
     * Whether it is a latency figure (avg, min, max, median, stddev, pN): judged on successful responses unless a
     * threshold asks for all of them, and describing the generator rather than the target when the generator was
     * saturated.
     */
    public boolean isLatency() {
        return unit == Unit.MILLIS && !isAnalysis() && monitor() == null;
    }

    /**
     * Which way a saturated generator pushes this figure: {@code +1} up (latency: late sends and slow handling look like
     * a slow target), {@code -1} down (Apdex; throughput when it is a result, in the closed model), {@code 0} not at all.
     *
     * @param throughputIsResult whether throughput depends on how fast the generator goes (the closed model); in the
     *                           open model it is the offered rate, and drops are judged on their own
     */
    public int generatorPush(boolean throughputIsResult) {
        if (isLatency()) {
            return 1;
        }
        if (isApdex() || (throughputIsResult && name.equals("rps"))) {
            return -1;
        }
        return 0;
    }

    /** Formats a value of this metric for people: {@code 95.2%}, {@code 12.3ms}, {@code 200.0/s}. */
    public String format(double value) {
        return switch (unit) {
            case PERCENT -> String.format(Locale.ROOT, "%.2f%%", value);
            case MILLIS -> formatMillis(value);
            case PER_SECOND -> String.format(Locale.ROOT, "%.1f/s", value);
            case COUNT -> Long.toString((long) value);
            case LOAD -> BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
            case NUMBER -> String.format(Locale.ROOT, "%.4g", value);
            case BYTES -> Bytes.format(value);
            case BYTES_PER_SECOND -> Bytes.format(value) + "/s";
        };
    }

    public static String formatMillis(double millis) {
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.3fs", millis / 1000);
        }
        if (millis >= 1) {
            return String.format(Locale.ROOT, "%.2fms", millis);
        }
        return String.format(Locale.ROOT, "%.0fus", millis * 1000);
    }
}
