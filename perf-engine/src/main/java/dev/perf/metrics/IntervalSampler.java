package dev.perf.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drains every recorder once per interval (default one second): adds the interval histograms to the run totals,
 * appends them to the HdrHistogram interval log (one tagged entry per request, one untagged entry for all),
 * and keeps a small time-series point (for all requests, with the responses by status and the failures by kind).
 * Memory grows with seconds, never with requests.
 *
 * <p>{@link #start()} and {@link #stop()} bracket the run; all accumulation happens on the sampler thread,
 * and the final drain in {@code stop()} after that thread has ended.
 */
public final class IntervalSampler implements AutoCloseable {
    private final MetricsRegistry registry;
    private final long intervalMillis;
    private final Histogram[][] latencyTotals;
    private final Histogram[][] serviceTotals;
    private final Histogram[][] failedTotals;
    /** By stage, request and {@link dev.perf.scenario.Phase#ordinal()}. */
    private final Histogram[][][] phaseTotals;
    private final long[] previousFailed;
    private final long[] previousStatuses = new long[RequestRecorder.STATUS_CODES];
    private final long[] previousErrors = new long[ErrorKind.values().length];
    private final long[] statusesNow = new long[RequestRecorder.STATUS_CODES];
    private final long[] errorsNow = new long[ErrorKind.values().length];
    private final Map<String, List<IntervalPoint>> series = new LinkedHashMap<>();
    private final PrintStream hlog;
    private final HistogramLogWriter hlogWriter;
    private final ScheduledExecutorService timer;
    private long startNanos;
    private double lastSampleSeconds;
    private long lastSampleEpochMillis;
    private Runnable onInterval = () -> { };
    private volatile Gauges gauges;
    /** Each request's latencies over all stages so far, kept only for live figures ({@link #keepRequestTotals()}). */
    private Histogram[] requestTotals;
    private ThresholdWindows windows = new ThresholdWindows(List.of());

    /**
     * @param hlogFile where to write the interval log, or {@code null} for none
     */
    public IntervalSampler(MetricsRegistry registry, long intervalMillis, Path hlogFile) throws IOException {
        this.registry = registry;
        this.intervalMillis = intervalMillis;
        int stages = registry.stageCount();
        int requests = registry.requestNames().size();
        latencyTotals = new Histogram[stages][requests];
        serviceTotals = new Histogram[stages][requests];
        failedTotals = new Histogram[stages][requests];
        phaseTotals = new Histogram[stages][requests][PhaseTimes.PHASES.length];
        for (int s = 0; s < stages; s++) {
            for (int r = 0; r < requests; r++) {
                latencyTotals[s][r] = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
                serviceTotals[s][r] = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
                failedTotals[s][r] = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
                for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
                    phaseTotals[s][r][p] = new Histogram(PhaseTimes.SIGNIFICANT_DIGITS);
                }
            }
        }
        previousFailed = new long[requests];
        series.put(RequestStats.ALL, new ArrayList<>());
        registry.requestNames().forEach(name -> series.put(name, new ArrayList<>()));
        if (hlogFile != null) {
            OutputStream out = Files.newOutputStream(hlogFile);
            hlog = new PrintStream(out, false, "UTF-8");
            hlogWriter = new HistogramLogWriter(hlog);
        } else {
            hlog = null;
            hlogWriter = null;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perf-sampler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Thresholds judged on part of the run, fed each interval's histograms. */
    public void windows(ThresholdWindows thresholdWindows) {
        this.windows = thresholdWindows;
    }

    /** The figures of thresholds judged on part of the run, as of the last interval. */
    Map<Integer, ThresholdWindows.Part> windowParts() {
        return windows.parts();
    }

    /** Runs after every interval on the sampler thread (live progress); must be quick. */
    public void onInterval(Runnable callback) {
        this.onInterval = callback;
    }

    public void start() {
        startNanos = System.nanoTime();
        long startEpochMillis = System.currentTimeMillis();
        lastSampleEpochMillis = startEpochMillis;
        if (hlogWriter != null) {
            hlogWriter.outputComment("perf latency log: values in microseconds (Interval_Max in seconds) from the "
                    + "intended send time; tag = request name, untagged = all requests");
            hlogWriter.outputLogFormatVersion();
            hlogWriter.setBaseTime(startEpochMillis);
            hlogWriter.outputStartTime(startEpochMillis);
            hlogWriter.outputBaseTime(startEpochMillis);
            hlogWriter.outputLegend();
        }
        timer.scheduleAtFixedRate(this::sampleSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the timer and drains what was recorded since the last interval. */
    public void stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        if (hlog != null) {
            hlog.flush();
        }
    }

    private void sampleSafely() {
        try {
            synchronized (this) {
                if ((System.nanoTime() - startNanos) / 1e9 - lastSampleSeconds < intervalMillis / 2000.0) {
                    // a stage boundary drained moments ago: fold this tick into the next, so no interval is a sliver
                    return;
                }
                sample();
            }
            onInterval.run();
        } catch (RuntimeException e) {
            // a failing interval must not stop the sampler; the totals are drained again at stop()
        }
    }

    /**
     * Drains now, outside the one-second rhythm (at a stage boundary), so that {@link #stageTotals} are up to date;
     * the interval log and time series get a shorter interval.
     */
    public void sampleNow() {
        sample();
    }

    /** What is running, read at each interval's end for the all-requests series. */
    public record Gauges(java.util.function.IntSupplier inFlight, java.util.function.IntSupplier users) {
    }

    /** Reads the requests in flight and the users running at each interval's end (before {@link #start()}). */
    public void gauges(Gauges running) {
        this.gauges = running;
    }

    private synchronized void sample() {
        double endSeconds = (System.nanoTime() - startNanos) / 1e9;
        double intervalSeconds = endSeconds - lastSampleSeconds;
        lastSampleSeconds = endSeconds;
        List<String> names = registry.requestNames();
        Histogram allInterval = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        long allFailed = 0;
        long intervalStartMillis = lastSampleEpochMillis;
        long intervalEndMillis = System.currentTimeMillis();
        lastSampleEpochMillis = intervalEndMillis;
        for (int r = 0; r < names.size(); r++) {
            Histogram requestInterval = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
            long failedNow = 0;
            for (int s = 0; s < registry.stageCount(); s++) {
                RequestRecorder recorder = registry.recorder(s, r);
                // failures first: a failure is recorded in the latencies before the failures, so draining in this
                // order keeps every total of failures inside its total of latencies
                failedTotals[s][r].add(recorder.intervalFailedLatency());
                Histogram latency = recorder.intervalLatency();
                latencyTotals[s][r].add(latency);
                serviceTotals[s][r].add(recorder.intervalServiceTime());
                for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
                    phaseTotals[s][r][p].add(recorder.intervalPhase(PhaseTimes.PHASES[p]));
                }
                requestInterval.add(latency);
                failedNow += recorder.failed();
                recorder.addStatusCounts(statusesNow);
                recorder.addErrorCounts(errorsNow);
            }
            long failedInInterval = failedNow - previousFailed[r];
            previousFailed[r] = failedNow;
            allFailed += failedInInterval;
            series.get(names.get(r)).add(point(endSeconds, intervalSeconds, requestInterval, failedInInterval, Map.of(),
                    Map.of()));
            if (!windows.isEmpty()) {
                windows.accept(names.get(r), endSeconds, intervalSeconds, requestInterval, failedInInterval);
            }
            allInterval.add(requestInterval);
            if (requestTotals != null) {
                requestTotals[r].add(requestInterval);
            }
            if (hlogWriter != null) {
                requestInterval.setStartTimeStamp(intervalStartMillis);
                requestInterval.setEndTimeStamp(intervalEndMillis);
                requestInterval.setTag(names.get(r));
                hlogWriter.outputIntervalHistogram(requestInterval);
            }
        }
        IntervalPoint all = point(endSeconds, intervalSeconds, allInterval, allFailed, statusDeltas(), errorDeltas());
        series.get(RequestStats.ALL).add(gauges == null ? all : all.withGauges(gauges.inFlight().getAsInt(),
                gauges.users().getAsInt()));
        if (!windows.isEmpty()) {
            windows.accept(RequestStats.ALL, endSeconds, intervalSeconds, allInterval, allFailed);
        }
        if (hlogWriter != null) {
            allInterval.setStartTimeStamp(intervalStartMillis);
            allInterval.setEndTimeStamp(intervalEndMillis);
            hlogWriter.outputIntervalHistogram(allInterval);
        }
    }

    private static IntervalPoint point(double endSeconds, double intervalSeconds, Histogram h, long failed,
                                       Map<Integer, Long> statuses, Map<String, Long> errors) {
        return IntervalPoint.of(endSeconds, intervalSeconds, h, failed, statuses, errors);
    }

    /** The responses by status since the last interval, from the running totals summed in {@link #sample()}. */
    private Map<Integer, Long> statusDeltas() {
        Map<Integer, Long> deltas = new TreeMap<>();
        for (int code = 0; code < statusesNow.length; code++) {
            long delta = statusesNow[code] - previousStatuses[code];
            if (delta > 0) {
                deltas.put(code, delta);
            }
            previousStatuses[code] = statusesNow[code];
            statusesNow[code] = 0;
        }
        return deltas;
    }

    private Map<String, Long> errorDeltas() {
        Map<String, Long> deltas = new LinkedHashMap<>();
        ErrorKind[] kinds = ErrorKind.values();
        for (int k = 0; k < kinds.length; k++) {
            long delta = errorsNow[k] - previousErrors[k];
            if (delta > 0) {
                deltas.put(kinds[k].key(), delta);
            }
            previousErrors[k] = errorsNow[k];
            errorsNow[k] = 0;
        }
        return deltas;
    }

    /** Copies of the latency, service-time and failed-latency totals of one stage, per request, as of the last drain. */
    synchronized Histogram[][] stageTotals(int stage) {
        int requests = registry.requestNames().size();
        Histogram[][] copy = new Histogram[3][requests];
        for (int r = 0; r < requests; r++) {
            copy[0][r] = latencyTotals[stage][r].copy();
            copy[1][r] = serviceTotals[stage][r].copy();
            copy[2][r] = failedTotals[stage][r].copy();
        }
        return copy;
    }

    /** The phase times of one request in one stage, as of the last drain (copies). */
    synchronized PhaseTimes phaseTotal(int stage, int request) {
        Map<dev.perf.scenario.Phase, Histogram> byPhase = new java.util.EnumMap<>(dev.perf.scenario.Phase.class);
        for (int p = 0; p < PhaseTimes.PHASES.length; p++) {
            byPhase.put(PhaseTimes.PHASES[p], phaseTotals[stage][request][p]);
        }
        return PhaseTimes.of(byPhase);
    }

    /** Run-total latency histogram of one request in one stage. Call after {@link #stop()}. */
    Histogram latencyTotal(int stage, int request) {
        return latencyTotals[stage][request];
    }

    Histogram serviceTotal(int stage, int request) {
        return serviceTotals[stage][request];
    }

    Histogram failedTotal(int stage, int request) {
        return failedTotals[stage][request];
    }

    /** Keeps each request's latencies over all stages from now on, for {@link #requestsSoFar}. */
    public synchronized void keepRequestTotals() {
        if (requestTotals == null) {
            requestTotals = new Histogram[registry.requestNames().size()];
            for (int r = 0; r < requestTotals.length; r++) {
                requestTotals[r] = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
            }
        }
    }

    /**
     * Each request's totals as of the last drain, without copying a histogram (live figures, once an interval).
     *
     * @param upperBoundsMicros bucket bounds, ascending: each request's latencies are counted into them and one more
     * @param percentiles       the percentiles wanted, e.g. 50, 95, 99
     */
    public synchronized List<RequestSoFar> requestsSoFar(long[] upperBoundsMicros, double[] percentiles) {
        keepRequestTotals();
        List<String> names = registry.requestNames();
        List<RequestSoFar> all = new ArrayList<>(names.size());
        ErrorKind[] kinds = ErrorKind.values();
        for (int r = 0; r < names.size(); r++) {
            // completed and failed as of the last drain, as the latencies are, so that the figures agree
            long failed = 0;
            long dropped = 0;
            long[] errorCounts = new long[kinds.length];
            for (int s = 0; s < registry.stageCount(); s++) {
                RequestRecorder recorder = registry.recorder(s, r);
                failed += failedTotals[s][r].getTotalCount();
                dropped += recorder.dropped();
                recorder.addErrorCounts(errorCounts);
            }
            Map<ErrorKind, Long> errors = new java.util.EnumMap<>(ErrorKind.class);
            for (int k = 0; k < kinds.length; k++) {
                if (errorCounts[k] > 0) {
                    errors.put(kinds[k], errorCounts[k]);
                }
            }
            Histogram h = requestTotals[r];
            long[] buckets = RequestSoFar.bucketCounts(h, upperBoundsMicros);
            double sum = h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount();
            double[] at = new double[percentiles.length];
            for (int p = 0; p < percentiles.length; p++) {
                at[p] = h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentiles[p]);
            }
            all.add(new RequestSoFar(names.get(r), h.getTotalCount() - failed, failed, dropped, errors, buckets, sum,
                    at));
        }
        return all;
    }

    /** Per-interval points by request name, plus {@link RequestStats#ALL}. */
    public synchronized Map<String, List<IntervalPoint>> series() {
        Map<String, List<IntervalPoint>> copy = new LinkedHashMap<>();
        series.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /** The latest point for all requests, for live progress; {@code null} before the first interval. */
    public synchronized IntervalPoint latest() {
        List<IntervalPoint> all = series.get(RequestStats.ALL);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (hlog != null) {
            hlog.close();
        }
    }
}
