package dev.perf.track;

import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestRecorder;
import dev.perf.metrics.RequestStats;
import dev.perf.scenario.Secrets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * One tracked operation's executions: durations in an HdrHistogram, outcomes, failures by kind with the first
 * message, and the running thread's CPU time and allocations. Safe for many threads recording at once.
 */
final class Operation {
    private static final int MAX_MESSAGE_CHARS = 500;
    private static final ErrorKind[] KINDS = ErrorKind.values();
    private final String name;
    private final Recorder durationMicros = new Recorder(RequestRecorder.SIGNIFICANT_DIGITS);
    private final Recorder failedMicros = new Recorder(RequestRecorder.SIGNIFICANT_DIGITS);
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder cpuMeasured = new LongAdder();
    private final LongAdder allocatedBytes = new LongAdder();
    private final LongAdder allocationsMeasured = new LongAdder();
    private final AtomicLongArray errorCounts = new AtomicLongArray(KINDS.length);
    private final AtomicReferenceArray<String> firstMessages = new AtomicReferenceArray<>(KINDS.length);
    private final Histogram durationTotal = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
    private final Histogram failedTotal = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
    /** The executions drained since the last interval point, for the time series. */
    private final Histogram sinceLastPoint = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
    private long failedAtLastPoint;
    private Histogram interval;
    private Histogram failedInterval;

    private final Secrets secrets;

    Operation(String name, Secrets secrets) {
        this.name = name;
        this.secrets = secrets;
    }

    /**
     * @param cpuNanos       the thread's CPU time, or {@link ThreadCost#UNKNOWN}
     * @param allocatedBytes the thread's allocations, or {@link ThreadCost#UNKNOWN}
     * @param failure        what the execution threw, or {@code null}
     */
    void record(long durationNanos, long cpuNanos, long allocatedBytes, Throwable failure) {
        long micros = Math.max(0, durationNanos / 1000);
        durationMicros.recordValue(micros);
        if (cpuNanos >= 0) {
            this.cpuNanos.add(cpuNanos);
            cpuMeasured.increment();
        }
        if (allocatedBytes >= 0) {
            this.allocatedBytes.add(allocatedBytes);
            allocationsMeasured.increment();
        }
        if (failure == null) {
            ok.increment();
            return;
        }
        failedMicros.recordValue(micros);
        failed.increment();
        ErrorKind kind = failure instanceof AssertionError ? ErrorKind.ASSERTION : ErrorKind.EXCEPTION;
        errorCounts.incrementAndGet(kind.ordinal());
        if (firstMessages.get(kind.ordinal()) == null) {
            firstMessages.compareAndSet(kind.ordinal(), null, secrets.mask(describe(failure)));
        }
    }

    /** Moves what was recorded since the last drain into the totals and the current interval. Caller holds the lock. */
    private void drain() {
        failedInterval = failedMicros.getIntervalHistogram(failedInterval);
        failedTotal.add(failedInterval);
        interval = durationMicros.getIntervalHistogram(interval);
        durationTotal.add(interval);
        sinceLastPoint.add(interval);
    }

    /** The time-series point of the executions since the last one, ending at {@code endSeconds}. */
    synchronized IntervalPoint point(double endSeconds, double intervalSeconds, Histogram allInto) {
        drain();
        long failedNow = failed.sum();
        IntervalPoint point = IntervalPoint.of(endSeconds, intervalSeconds, sinceLastPoint, failedNow - failedAtLastPoint,
                Map.of(), Map.of());
        failedAtLastPoint = failedNow;
        allInto.add(sinceLastPoint);
        sinceLastPoint.reset();
        return point;
    }

    /** The figures so far, over {@code elapsedSeconds}. */
    synchronized RequestStats stats(double elapsedSeconds) {
        drain();
        Map<ErrorKind, RequestStats.ErrorCount> errors = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : KINDS) {
            long n = errorCounts.get(kind.ordinal());
            if (n > 0) {
                errors.put(kind, new RequestStats.ErrorCount(n, firstMessages.get(kind.ordinal())));
            }
        }
        // a tracked execution has no intended start apart from its actual one: latency and service time are one
        Histogram durations = durationTotal.copy();
        return new RequestStats(name, ok.sum(), failed.sum(), 0, elapsedSeconds, durations, durations, Map.of(), errors,
                0, 0, Map.of(), failedTotal.copy());
    }

    OperationCost cost() {
        long cpuCount = cpuMeasured.sum();
        long allocatedCount = allocationsMeasured.sum();
        return new OperationCost(ok.sum() + failed.sum(), cpuCount == 0 ? null : cpuNanos.sum() / 1e6 / cpuCount,
                allocatedCount == 0 ? null : allocatedBytes.sum() / (double) allocatedCount);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
    }
}
