package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * A stepped test's analysis: each level, and what the levels show.
 *
 * @param steps        rate (open model) or concurrency (closed model)
 * @param usl          the Universal Scalability Law's fit (closed model only, else {@code null})
 * @param stoppedEarly where stopWhen stopped the run, or {@code null}
 */
public record ScalabilityResult(String steps, String loadUnit, String throughput, double stepSeconds,
                                String breakpointCondition, @JsonInclude(JsonInclude.Include.NON_NULL) String stopWhen,
                                List<Level> levels, Slope latencySlope, Finding degradationStart, Finding breakpoint,
                                Finding optimalLoad, Finding maxSustainable,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Usl usl, Stop stoppedEarly,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {

    /** Whether the levels are rates (the open model) rather than users. */
    public boolean rateSteps() {
        return "rate".equals(steps);
    }

    /** @param measured what the level measured; {@code null} when it did not run */
    public record Level(int level, double load, boolean ran, @JsonUnwrapped LevelFigures measured) {
        public Level {
            if (!ran) {
                measured = null;
            }
        }
    }

    /** @param throughput successful responses per second */
    public record LevelFigures(Double throughput, Double rps, Double successRate, Double avgMs, Double p50Ms,
                               Double p95Ms, Double p99Ms, Double maxMs, long errors, long dropped,
                               boolean thresholdsHeld, boolean broken) {
    }

    /** Latency against load: a line fitted to avg and to p95. */
    public record Slope(String unit, Fit avg, Fit median, Fit p95,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    public record Fit(double slope, double intercept, Double r2, int levels) {
    }

    /**
     * @param status found, not-reached or not-computable
     * @param level  the level it was found at, or {@code null}
     */
    public record Finding(String status, Integer level, Double load, Double value, String text) {

        public boolean found() {
            return "found".equals(status);
        }
    }

    /** The Universal Scalability Law's fit; {@code fitted} false with a note when it could not be fitted. */
    public record Usl(boolean fitted, @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                      @JsonUnwrapped UslFit fit) {
        public Usl {
            if (!fitted) {
                fit = null;
            }
        }
    }

    /** @param peakConcurrency where throughput peaks, or {@code null} when it keeps rising */
    public record UslFit(double lambda, double sigma, double kappa, Double peakConcurrency, Double peakThroughput,
                         double r2, int levels) {
    }

    public record Stop(int level, double load, String condition, String measured) {
    }
}
