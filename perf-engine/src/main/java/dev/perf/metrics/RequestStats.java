package dev.perf.metrics;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * Figures for one request name (or the whole scenario) over a run or a stage. Percentiles come from the
 * histograms, never from averaging. Every figure that cannot be computed (no responses) is {@code null}.
 *
 * @param name              request name, or {@link #ALL} for the whole scenario
 * @param ok                responses whose status was expected
 * @param failed            responses with an unexpected status plus transport errors and timeouts
 * @param dropped           open-model arrivals not sent because {@code maxInFlight} requests were at the target and a second's
 *                          worth of arrivals already waited
 * @param elapsedSeconds    time the figures cover, for rates
 * @param latencyMicros     completion minus intended send time, every completed request (CO-corrected)
 * @param serviceTimeMicros completion minus actual send time, every completed request
 * @param statusCounts      responses by HTTP status code
 * @param errorCounts       failures by kind
 * @param bytesReceived     response body bytes
 * @param bytesSent         request body bytes
 * @param checkFailures     failed checks by name (informational ones too), in the order first seen
 * @param failedLatencyMicros the latencies of the failed requests alone (a part of {@code latencyMicros}), or
 *                          {@code null} when not kept (figures read back from the history)
 * @param checksNotJudged   checks that could not be judged, by name: a regex or JSON check that found nothing in the
 *                          part of a body larger than it reads; neither a pass nor a failure
 * @param http2Responses    responses that came over HTTP/2 (the others with a status came over HTTP/1.1)
 * @param phases            the time of each phase of the exchanges (connect, TLS, time to first byte...), where it
 *                          happened; {@link PhaseTimes#none()} where not measured (the history, tracked tests)
 */
public record RequestStats(String name, long ok, long failed, long dropped, double elapsedSeconds,
                           Histogram latencyMicros, Histogram serviceTimeMicros,
                           Map<Integer, Long> statusCounts, Map<ErrorKind, ErrorCount> errorCounts,
                           long bytesReceived, long bytesSent, Map<String, Long> checkFailures,
                           Histogram failedLatencyMicros, Map<String, Long> checksNotJudged, long http2Responses,
                           PhaseTimes phases) {

    public RequestStats {
        phases = phases == null ? PhaseTimes.none() : phases;
    }

    /** Without phase timings. */
    public RequestStats(String name, long ok, long failed, long dropped, double elapsedSeconds,
                        Histogram latencyMicros, Histogram serviceTimeMicros, Map<Integer, Long> statusCounts,
                        Map<ErrorKind, ErrorCount> errorCounts, long bytesReceived, long bytesSent,
                        Map<String, Long> checkFailures, Histogram failedLatencyMicros,
                        Map<String, Long> checksNotJudged, long http2Responses) {
        this(name, ok, failed, dropped, elapsedSeconds, latencyMicros, serviceTimeMicros, statusCounts, errorCounts,
                bytesReceived, bytesSent, checkFailures, failedLatencyMicros, checksNotJudged, http2Responses,
                PhaseTimes.none());
    }

    /** Over HTTP/1.1 only. */
    public RequestStats(String name, long ok, long failed, long dropped, double elapsedSeconds,
                        Histogram latencyMicros, Histogram serviceTimeMicros, Map<Integer, Long> statusCounts,
                        Map<ErrorKind, ErrorCount> errorCounts, long bytesReceived, long bytesSent,
                        Map<String, Long> checkFailures, Histogram failedLatencyMicros,
                        Map<String, Long> checksNotJudged) {
        this(name, ok, failed, dropped, elapsedSeconds, latencyMicros, serviceTimeMicros, statusCounts, errorCounts,
                bytesReceived, bytesSent, checkFailures, failedLatencyMicros, checksNotJudged, 0);
    }

    /** Responses by the protocol they came over ({@code HTTP/1.1}, {@code HTTP/2}); empty without responses. */
    public Map<String, Long> protocols() {
        long withStatus = statusCounts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> protocols = new java.util.LinkedHashMap<>();
        if (withStatus - http2Responses > 0) {
            protocols.put("HTTP/1.1", withStatus - http2Responses);
        }
        if (http2Responses > 0) {
            protocols.put("HTTP/2", http2Responses);
        }
        return protocols;
    }

    /** Every check judged. */
    public RequestStats(String name, long ok, long failed, long dropped, double elapsedSeconds,
                        Histogram latencyMicros, Histogram serviceTimeMicros, Map<Integer, Long> statusCounts,
                        Map<ErrorKind, ErrorCount> errorCounts, long bytesReceived, long bytesSent,
                        Map<String, Long> checkFailures, Histogram failedLatencyMicros) {
        this(name, ok, failed, dropped, elapsedSeconds, latencyMicros, serviceTimeMicros, statusCounts, errorCounts,
                bytesReceived, bytesSent, checkFailures, failedLatencyMicros, Map.of());
    }

    /** How many checks could not be judged. */
    public long checksNotJudgedCount() {
        return checksNotJudged.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Without the failed requests' latencies apart. */
    public RequestStats(String name, long ok, long failed, long dropped, double elapsedSeconds,
                        Histogram latencyMicros, Histogram serviceTimeMicros, Map<Integer, Long> statusCounts,
                        Map<ErrorKind, ErrorCount> errorCounts, long bytesReceived, long bytesSent,
                        Map<String, Long> checkFailures) {
        this(name, ok, failed, dropped, elapsedSeconds, latencyMicros, serviceTimeMicros, statusCounts, errorCounts,
                bytesReceived, bytesSent, checkFailures, null);
    }

    /** Without checks. */
    public RequestStats(String name, long ok, long failed, long dropped, double elapsedSeconds,
                        Histogram latencyMicros, Histogram serviceTimeMicros, Map<Integer, Long> statusCounts,
                        Map<ErrorKind, ErrorCount> errorCounts, long bytesReceived, long bytesSent) {
        this(name, ok, failed, dropped, elapsedSeconds, latencyMicros, serviceTimeMicros, statusCounts, errorCounts,
                bytesReceived, bytesSent, Map.of());
    }

    /** The name used for whole-scenario figures. */
    public static final String ALL = "ALL";

    public long count() {
        return ok + failed;
    }

    /**
     * Open-model arrivals dropped at {@code maxInFlight}, in % of all arrivals (sent or dropped); {@code null} when
     * there were none.
     */
    public Double droppedRatePercent() {
        long arrivals = count() + dropped;
        return arrivals == 0 ? null : dropped * 100.0 / arrivals;
    }

    /**
     * The same figures with the failed requests' latencies taken out of the latency histogram: what latency thresholds
     * judge. Itself when the failed latencies were not kept (figures from before they were) or there were no failures.
     */
    public RequestStats successful() {
        if (failedLatencyMicros == null || failed == 0 || failedLatencyMicros.getTotalCount() == 0) {
            return this;
        }
        Histogram successes = latencyMicros.copy();
        successes.subtract(failedLatencyMicros);
        Histogram none = new Histogram(failedLatencyMicros.getNumberOfSignificantValueDigits());
        return new RequestStats(name, ok, failed, dropped, elapsedSeconds, successes, serviceTimeMicros, statusCounts,
                errorCounts, bytesReceived, bytesSent, checkFailures, none, checksNotJudged, http2Responses, phases);
    }

    /**
     * The same figures with latency measured from each request's actual send rather than its intended time (the
     * service time): what a request took once it was on its way, without the generator's lateness in sending it.
     */
    public RequestStats fromActualSend() {
        return new RequestStats(name, ok, failed, dropped, elapsedSeconds, serviceTimeMicros, serviceTimeMicros,
                statusCounts, errorCounts, bytesReceived, bytesSent, checkFailures, null, checksNotJudged,
                http2Responses, phases);
    }

    public Double successRatePercent() {
        return count() == 0 ? null : ok * 100.0 / count();
    }

    public Double errorRatePercent() {
        return count() == 0 ? null : failed * 100.0 / count();
    }

    /** Completed requests per second. */
    public Double rps() {
        return elapsedSeconds <= 0 || count() == 0 ? null : count() / elapsedSeconds;
    }

    /** Successful responses per second (throughput, so that fast errors never look like capacity). */
    public Double okPerSecond() {
        return elapsedSeconds <= 0 || count() == 0 ? null : ok / elapsedSeconds;
    }

    public Double minMillis() {
        return empty() ? null : latencyMicros.getMinValue() / 1000.0;
    }

    public Double maxMillis() {
        return empty() ? null : latencyMicros.getMaxValue() / 1000.0;
    }

    public Double meanMillis() {
        return empty() ? null : latencyMicros.getMean() / 1000.0;
    }

    public Double stdDevMillis() {
        return empty() ? null : latencyMicros.getStdDeviation() / 1000.0;
    }

    /** @param percentile in (0, 100] */
    public Double percentileMillis(double percentile) {
        return empty() ? null : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public Double servicePercentileMillis(double percentile) {
        return serviceTimeMicros.getTotalCount() == 0 ? null
                : serviceTimeMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * The Apdex score for a target time T, as JMeter's dashboard computes it: (satisfied + tolerating / 2) / all,
     * where satisfied are successful responses within T, tolerating successful ones within 4T, and failures count as
     * frustrated. {@code null} with no responses, or when the failed requests' latencies were not kept.
     */
    public Double apdex(double targetMillis) {
        if (empty() || failedLatencyMicros == null) {
            return null;
        }
        Histogram successful = latencyMicros.copy();
        successful.subtract(failedLatencyMicros);
        long t = (long) Math.floor(targetMillis * 1000);
        long satisfied = successful.getCountBetweenValues(0, t);
        long tolerating = successful.getCountBetweenValues(t + 1, 4 * t);
        return (satisfied + tolerating / 2.0) / latencyMicros.getTotalCount();
    }

    private boolean empty() {
        return latencyMicros.getTotalCount() == 0;
    }

    /** Failures of one kind: how many, and the first message seen, to tell the user what went wrong. */
    public record ErrorCount(long count, String firstMessage) {
    }
}
