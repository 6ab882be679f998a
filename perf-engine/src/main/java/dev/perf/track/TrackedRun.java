package dev.perf.track;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestRecorder;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.RunMetricsBuilder;
import dev.perf.scenario.Secrets;

import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The tracked operations of one test (a test class): the run the history keeps for it, with one "request" per
 * operation. Executions are recorded from any number of threads at once. Between {@link #startSampling()} and
 * {@link #stopSampling()} it keeps a time series, one point per second per operation and for all of them, as a
 * load run does; memory grows with seconds, never with executions.
 */
public final class TrackedRun {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    /** One daemon thread draws the points of every tracked run of this JVM. */
    private static final ScheduledExecutorService SAMPLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "perf-track-sampler");
        t.setDaemon(true);
        return t;
    });
    private final String test;
    private final Secrets secrets;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, List<IntervalPoint>> series = new LinkedHashMap<>();
    private double lastPointSeconds;
    private ScheduledFuture<?> sampling;
    private boolean stopped;

    /** @param test the name the history keeps the run under, as a scenario's name */
    public TrackedRun(String test) {
        this(test, Secrets.none());
    }

    /** @param secrets values masked in the failure messages the run keeps */
    public TrackedRun(String test, Secrets secrets) {
        this.test = test;
        this.secrets = secrets;
        series.put(RequestStats.ALL, new ArrayList<>());
    }

    /** Starts the time series: a point every second. */
    public synchronized void startSampling() {
        if (sampling == null && !stopped) {
            sampling = SAMPLER.scheduleAtFixedRate(this::point, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Ends the time series with a last point for what came after the last full second; once. */
    public void stopSampling() {
        ScheduledFuture<?> running;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            running = sampling;
        }
        if (running != null) {
            running.cancel(false);
        }
        point();
    }

    /** One point per operation and one for all, for the executions since the last point. */
    private synchronized void point() {
        double endSeconds = (System.nanoTime() - startNanos) / 1e9;
        double intervalSeconds = endSeconds - lastPointSeconds;
        if (intervalSeconds <= 0) {
            return;
        }
        lastPointSeconds = endSeconds;
        Histogram all = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        long failed = 0;
        for (String name : order) {
            IntervalPoint point = operations.get(name).point(endSeconds, intervalSeconds, all);
            series.computeIfAbsent(name, n -> new ArrayList<>()).add(point);
            failed += point.failed();
        }
        series.get(RequestStats.ALL).add(IntervalPoint.of(endSeconds, intervalSeconds, all, failed, Map.of(), Map.of()));
    }

    /** The time series so far, by operation and {@link RequestStats#ALL}. */
    public synchronized Map<String, List<IntervalPoint>> series() {
        Map<String, List<IntervalPoint>> copy = new LinkedHashMap<>();
        series.forEach((name, points) -> copy.put(name, List.copyOf(points)));
        return copy;
    }

    public String test() {
        return test;
    }

    public Instant start() {
        return start;
    }

    /**
     * @return the name, when thresholds can name it
     * @throws IllegalArgumentException saying what a name may hold
     */
    public static String checkName(String operation) {
        if (operation == null || !NAME.matcher(operation).matches()) {
            throw new IllegalArgumentException("'" + operation + "' cannot name a tracked operation: use letters, "
                    + "digits, '-' and '_' (thresholds name it as in 'create-customer.p95 <= 200ms')");
        }
        return operation;
    }

    /** Whether an operation of that name has been recorded. */
    public boolean has(String operation) {
        return operations.containsKey(operation);
    }

    /** Starts measuring an execution on the calling thread. */
    public static Execution begin() {
        return new Execution();
    }

    /** The figures so far: one entry per operation, in the order they were first recorded. */
    public RunMetrics metrics() {
        double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        for (String name : order) {
            byRequest.put(name, operations.get(name).stats(elapsedSeconds));
        }
        RequestStats overall = RunMetricsBuilder.merge(RequestStats.ALL, byRequest.values(), elapsedSeconds);
        return new RunMetrics(elapsedSeconds, overall, byRequest, List.of(), series(), 0, 0, 0, null, null);
    }

    /** Each operation's cost per execution, and {@link RequestStats#ALL}'s. */
    public Map<String, OperationCost> costs() {
        Map<String, OperationCost> costs = new LinkedHashMap<>();
        for (String name : order) {
            costs.put(name, operations.get(name).cost());
        }
        costs.put(RequestStats.ALL, OperationCost.merge(List.copyOf(costs.values())));
        return costs;
    }

    private Operation operation(String name) {
        Operation operation = operations.get(name);
        if (operation != null) {
            return operation;
        }
        synchronized (order) {
            operation = operations.get(name);
            if (operation == null) {
                // in the map before in the order: whoever walks the order finds every name in the map
                operation = new Operation(checkName(name), secrets);
                operations.put(name, operation);
                order.add(name);
            }
            return operation;
        }
    }

    /** One execution being measured: its start, and the running thread's CPU time and allocations then. */
    public static final class Execution {
        private final long allocatedBytes = ThreadCost.allocatedBytes();
        private final long cpuNanos = ThreadCost.cpuNanos();
        private final long startNanos = System.nanoTime();

        private Execution() {
        }

        /**
         * Records the execution, ended now on the thread that began it.
         *
         * @param failure what it threw, or {@code null} when it succeeded
         */
        public void end(TrackedRun run, String operation, Throwable failure) {
            long end = System.nanoTime();
            long cpu = cpuNanos == ThreadCost.UNKNOWN ? ThreadCost.UNKNOWN : ThreadCost.cpuNanos() - cpuNanos;
            long allocated = allocatedBytes == ThreadCost.UNKNOWN ? ThreadCost.UNKNOWN
                    : ThreadCost.allocatedBytes() - allocatedBytes;
            run.operation(operation).record(end - startNanos, cpu, allocated, failure);
        }
    }
}
