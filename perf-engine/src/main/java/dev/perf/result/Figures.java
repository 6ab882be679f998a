package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The figures of a request, a flow, an operation or all of them. Latencies in milliseconds, from the intended send
 * time; the service time from the actual send.
 *
 * @param successRate        percent, or {@code null} without responses
 * @param rps                responses per second, or {@code null}
 * @param statusCodes        responses by HTTP status
 * @param errors             failures by kind ({@code status}, {@code timeout}...)
 * @param checks             failed checks by name
 * @param checksNotJudged    checks that could not be judged (a body past the kept part), by name; left out when none
 * @param latencyHistogram   the latency histogram in microseconds, HdrHistogram's compressed encoding in Base64, so
 *                           tools can merge exactly; {@code null} in a stage's figures
 * @param latencySpectrumMs  {@code [percentile, ms]} pairs as HdrHistogram plots them; {@code null} in a stage's figures
 * @param serviceTimeHistogram   the service time histogram (microseconds, encoded as {@code latencyHistogram}), so
 *                               that a merge of shards has every figure exactly; {@code null} where
 *                               {@code latencyHistogram} is
 * @param failedLatencyHistogram the failed requests' latencies alone (a part of {@code latencyHistogram}: latency
 *                               thresholds judge the successful ones); {@code null} when none failed
 * @param cpuMsPerExecution  a tracked operation's CPU time per execution; {@code null} when not measured, and for a
 *                           load run
 * @param allocatedBytesPerExecution a tracked operation's heap allocation per execution; likewise
 * @param protocols          responses by the protocol they came over ({@code HTTP/1.1}, {@code HTTP/2}); left out
 *                           without responses
 * @param phases             the time of each phase of the exchanges, by phase ({@code dns}, {@code connect},
 *                           {@code tls}, {@code send}, {@code ttfb}, {@code receive}), in exchange order; a phase that
 *                           never happened is left out (no connect on kept-alive connections), the whole map when
 *                           none was timed (a tracked operation)
 */
public record Figures(String name, long count, long ok, long failed, long dropped, Double successRate, Double rps,
                      Latency latencyMs, Percentiles serviceTimeMs, Map<String, Long> statusCodes,
                      Map<String, ErrorCount> errors, Map<String, Long> checks,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> checksNotJudged, long bytesReceived,
                      long bytesSent, @JsonInclude(JsonInclude.Include.NON_NULL) String latencyHistogram,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<double[]> latencySpectrumMs,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String serviceTimeHistogram,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String failedLatencyHistogram,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double cpuMsPerExecution,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double allocatedBytesPerExecution,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> protocols,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, PhaseTime> phases) {

    /** Without phase timings. */
    public Figures(String name, long count, long ok, long failed, long dropped, Double successRate, Double rps,
                   Latency latencyMs, Percentiles serviceTimeMs, Map<String, Long> statusCodes,
                   Map<String, ErrorCount> errors, Map<String, Long> checks, Map<String, Long> checksNotJudged,
                   long bytesReceived, long bytesSent, String latencyHistogram, List<double[]> latencySpectrumMs,
                   String serviceTimeHistogram, String failedLatencyHistogram, Double cpuMsPerExecution,
                   Double allocatedBytesPerExecution, Map<String, Long> protocols) {
        this(name, count, ok, failed, dropped, successRate, rps, latencyMs, serviceTimeMs, statusCodes, errors, checks,
                checksNotJudged, bytesReceived, bytesSent, latencyHistogram, latencySpectrumMs, serviceTimeHistogram,
                failedLatencyHistogram, cpuMsPerExecution, allocatedBytesPerExecution, protocols, null);
    }

    /**
     * One phase's times in milliseconds, over the exchanges where it happened.
     *
     * @param count     how many exchanges went through it ({@code connect}: the new connections)
     * @param histogram its histogram (microseconds, two significant digits, encoded as {@code latencyHistogram}) so
     *                  that a merge of shards is exact; {@code null} where {@code latencyHistogram} is
     */
    public record PhaseTime(long count, Double avg, Double p50, Double p90, Double p95, Double p99, Double max,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String histogram) {
    }

    /** Latency in milliseconds; a figure is {@code null} without responses. */
    public record Latency(Double min, Double avg, Double stddev, Double max, Double p50, Double p75, Double p90,
                          Double p95, Double p99, @JsonProperty("p99.9") Double p99_9) {
    }

    /** Percentiles in milliseconds; {@code null} without responses. */
    public record Percentiles(Double p50, Double p75, Double p90, Double p95, Double p99,
                              @JsonProperty("p99.9") Double p99_9) {
    }

    /** How often a kind of failure happened, and the first message seen. */
    public record ErrorCount(long count, String firstMessage) {
    }
}
