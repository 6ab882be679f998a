package dev.perf.metrics;

import dev.perf.scenario.Phase;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hot-path recording for one request name in one stage. Safe for many writer threads; allocates nothing per
 * request. Histograms auto-resize, so no latency is ever too large to record.
 */
public final class RequestRecorder {
    public static final int SIGNIFICANT_DIGITS = 3;
    static final int STATUS_CODES = 600;
    private static final ErrorKind[] KINDS = ErrorKind.values();

    private final String name;
    private final PerThreadRecorder latencyMicros = new PerThreadRecorder(SIGNIFICANT_DIGITS);
    private final PerThreadRecorder serviceTimeMicros = new PerThreadRecorder(SIGNIFICANT_DIGITS);
    /** The failed requests' latencies alone, for Apdex; recorded only on failures, so successes cost nothing more. */
    private final PerThreadRecorder failedLatencyMicros = new PerThreadRecorder(SIGNIFICANT_DIGITS);
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder http2 = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final AtomicLongArray statusCounts = new AtomicLongArray(STATUS_CODES);
    private final AtomicLongArray errorCounts = new AtomicLongArray(KINDS.length);
    private final AtomicReferenceArray<String> firstErrorMessages = new AtomicReferenceArray<>(KINDS.length);
    private final ConcurrentHashMap<String, LongAdder> checkFailures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> checksNotJudged = new ConcurrentHashMap<>();
    /** By {@link Phase#ordinal()}: each phase's times, recorded only when the phase happened. */
    private final PerThreadRecorder[] phaseMicros = new PerThreadRecorder[PhaseTimes.PHASES.length];
    private final Histogram[] intervalPhases = new Histogram[PhaseTimes.PHASES.length];
    private Histogram intervalLatency;
    private Histogram intervalServiceTime;
    private Histogram intervalFailedLatency;

    public RequestRecorder(String name) {
        this.name = name;
        for (int p = 0; p < phaseMicros.length; p++) {
            phaseMicros[p] = new PerThreadRecorder(PhaseTimes.SIGNIFICANT_DIGITS);
        }
    }

    /** A phase of one exchange ended after {@code nanos} (see {@link Phase}). */
    public void recordPhase(Phase phase, long nanos) {
        phaseMicros[phase.ordinal()].recordValue(Math.max(0, nanos / 1000));
    }

    public String name() {
        return name;
    }

    /** A response came over HTTP/2 (HTTP/1.1 ones are not counted apart: they are the rest). */
    public void noteHttp2() {
        http2.increment();
    }

    public long http2() {
        return http2.sum();
    }

    /**
     * Records a response.
     *
     * @param success        whether the status was expected
     * @param intendedNanos  when the request should have been sent ({@link System#nanoTime()} scale)
     * @param sentNanos      when it was sent
     * @param completedNanos when the response ended
     */
    public void recordResponse(int statusCode, boolean success, long intendedNanos, long sentNanos,
                               long completedNanos, long bodyBytes, long requestBytes) {
        recordExchange(statusCode, intendedNanos, sentNanos, completedNanos, bodyBytes, requestBytes);
        if (success) {
            ok.increment();
        } else {
            failed.increment();
            failedLatencyMicros.recordValue(Math.max(0, (completedNanos - intendedNanos) / 1000));
            countError(ErrorKind.STATUS, null);
        }
    }

    /** Records a transport failure (timeout, refused, reset...) with the time it took to fail. */
    public void recordFailure(ErrorKind kind, String message, long intendedNanos, long sentNanos, long completedNanos,
                              long requestBytes) {
        recordTimes(intendedNanos, sentNanos, completedNanos);
        failedLatencyMicros.recordValue(Math.max(0, (completedNanos - intendedNanos) / 1000));
        bytesSent.add(requestBytes);
        failed.increment();
        countError(kind, message);
    }

    /** Keeps a message for the first unexpected status; builds no string after the first. */
    public void noteUnexpectedStatus(int statusCode, Object expected) {
        if (firstErrorMessages.get(ErrorKind.STATUS.ordinal()) == null) {
            firstErrorMessages.compareAndSet(ErrorKind.STATUS.ordinal(), null,
                    "HTTP " + statusCode + " (expected " + expected + ")");
        }
    }

    /** A check could not be judged (it did not see the whole body); counted under its name, failing nothing. */
    public void recordCheckNotJudged(String check) {
        checksNotJudged.computeIfAbsent(check, k -> new LongAdder()).increment();
    }

    /** A check failed (fatal or informational); counted under its name. */
    public void recordCheckFailure(String check) {
        checkFailures.computeIfAbsent(check, k -> new LongAdder()).increment();
    }

    /** A failure that is not the transport's nor the status's: a failed check or a missing capture. */
    public void recordFailedResponse(int statusCode, ErrorKind kind, String message, long intendedNanos, long sentNanos,
                                     long completedNanos, long bodyBytes, long requestBytes) {
        recordExchange(statusCode, intendedNanos, sentNanos, completedNanos, bodyBytes, requestBytes);
        failedLatencyMicros.recordValue(Math.max(0, (completedNanos - intendedNanos) / 1000));
        failed.increment();
        countError(kind, message);
    }

    /** An open-model arrival that was not sent: {@code maxInFlight} at the target, and too many waiting already. */
    public void recordDropped() {
        dropped.increment();
    }

    /** What every answered request records: its times, its status and its bytes. */
    private void recordExchange(int statusCode, long intendedNanos, long sentNanos, long completedNanos, long bodyBytes,
                                long requestBytes) {
        recordTimes(intendedNanos, sentNanos, completedNanos);
        if (statusCode >= 0 && statusCode < STATUS_CODES) {
            statusCounts.incrementAndGet(statusCode);
        }
        bytesReceived.add(bodyBytes);
        bytesSent.add(requestBytes);
    }

    private void recordTimes(long intendedNanos, long sentNanos, long completedNanos) {
        latencyMicros.recordValue(Math.max(0, (completedNanos - intendedNanos) / 1000));
        serviceTimeMicros.recordValue(Math.max(0, (completedNanos - sentNanos) / 1000));
    }

    private void countError(ErrorKind kind, String message) {
        errorCounts.incrementAndGet(kind.ordinal());
        if (message != null) {
            firstErrorMessages.compareAndSet(kind.ordinal(), null, message);
        }
    }

    /**
     * The latency histogram of the interval since the last call. Valid until the next call; for the sampler
     * thread only.
     */
    Histogram intervalLatency() {
        intervalLatency = latencyMicros.getIntervalHistogram(intervalLatency);
        return intervalLatency;
    }

    /** As {@link #intervalLatency()}, for the failed requests alone. */
    Histogram intervalFailedLatency() {
        intervalFailedLatency = failedLatencyMicros.getIntervalHistogram(intervalFailedLatency);
        return intervalFailedLatency;
    }

    /** As {@link #intervalLatency()}, for one phase's times. */
    Histogram intervalPhase(Phase phase) {
        int p = phase.ordinal();
        intervalPhases[p] = phaseMicros[p].getIntervalHistogram(intervalPhases[p]);
        return intervalPhases[p];
    }

    /** As {@link #intervalLatency()}, for service time. */
    Histogram intervalServiceTime() {
        intervalServiceTime = serviceTimeMicros.getIntervalHistogram(intervalServiceTime);
        return intervalServiceTime;
    }

    long ok() {
        return ok.sum();
    }

    /** Failures recorded so far (also for a caller that must stop on them: the engine's warm-up). */
    public long failed() {
        return failed.sum();
    }

    long dropped() {
        return dropped.sum();
    }

    long bytesReceived() {
        return bytesReceived.sum();
    }

    long bytesSent() {
        return bytesSent.sum();
    }

    /** Adds the counts so far, by status code, into {@code into} (length {@link #STATUS_CODES}). */
    void addStatusCounts(long[] into) {
        for (int code = 0; code < STATUS_CODES; code++) {
            into[code] += statusCounts.get(code);
        }
    }

    /** Adds the failures so far, by {@link ErrorKind#ordinal()}, into {@code into}. */
    void addErrorCounts(long[] into) {
        for (int k = 0; k < KINDS.length; k++) {
            into[k] += errorCounts.get(k);
        }
    }

    Map<String, Long> checksNotJudged() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        checksNotJudged.forEach((name, n) -> counts.put(name, n.sum()));
        return counts;
    }

    Map<String, Long> checkFailures() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        checkFailures.forEach((name, n) -> counts.put(name, n.sum()));
        return counts;
    }

    Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int code = 0; code < STATUS_CODES; code++) {
            long n = statusCounts.get(code);
            if (n > 0) {
                counts.put(code, n);
            }
        }
        return counts;
    }

    Map<ErrorKind, RequestStats.ErrorCount> errorCounts() {
        Map<ErrorKind, RequestStats.ErrorCount> counts = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : KINDS) {
            long n = errorCounts.get(kind.ordinal());
            if (n > 0) {
                counts.put(kind, new RequestStats.ErrorCount(n, firstErrorMessages.get(kind.ordinal())));
            }
        }
        return counts;
    }
}
