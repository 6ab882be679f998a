package dev.perf.junit;

import dev.perf.scenario.Threshold;
import dev.perf.analysis.ThresholdResult;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.monitor.ResourceSummary;
import dev.perf.scenario.MonitorSpec;
import dev.perf.track.TrackSettings;
import dev.perf.track.TrackedHistory;
import dev.perf.track.TrackedRun;
import dev.perf.track.TrackedRunReport;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tracking of one test class while it runs: its run of operations, its thresholds, its history and the resource
 * monitor. Kept in the class's extension store, so it ends with the class even when only methods are annotated.
 */
@SuppressWarnings("deprecation") // Store.CloseableResource: what JUnit before 5.13 closes; later ones, AutoCloseable
final class ClassTracking implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** The tracking of the test running on this thread (and threads it starts). */
    private static final InheritableThreadLocal<ClassTracking> CURRENT = new InheritableThreadLocal<>();
    private static final Set<ClassTracking> ACTIVE = ConcurrentHashMap.newKeySet();
    /** Set once {@code perf.track=off} is seen: blocks outside a tracked class then run without a warning. */
    private static volatile boolean disabled;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Class<?> testClass;
    private final TrackedRun run;
    private final TrackSettings settings;
    private final TrackedHistory history;
    private final List<Threshold> thresholds;
    private final List<ThresholdResult> judged = Collections.synchronizedList(new ArrayList<>());
    private final ResourceMonitor monitor;
    private TrackedRunReport.Outcome outcome;

    ClassTracking(Class<?> testClass, String test, TrackSettings settings, List<Threshold> thresholds) {
        this.testClass = testClass;
        this.run = new TrackedRun(test, settings.secrets());
        run.startSampling();
        this.settings = settings;
        this.thresholds = List.copyOf(thresholds);
        this.history = new TrackedHistory(settings, test, ClassTracking::warn);
        this.monitor = settings.monitor()
                ? ResourceMonitor.start(new MonitorSpec(true, MonitorSpec.DEFAULT_INTERVAL, true, true, null), null,
                ClassTracking::warn)
                : null;
        ACTIVE.add(this);
    }

    static void disabled() {
        disabled = true;
    }

    /** The tracking a block on this thread records into, or {@code null} (then it runs untracked). */
    static ClassTracking current(String operation) {
        ClassTracking tracking = CURRENT.get();
        if (tracking != null && tracking.outcome == null) {
            return tracking;
        }
        if (ACTIVE.size() == 1) {
            // a thread the test did not start (a pool made before it): the one class being tracked
            for (ClassTracking only : ACTIVE) {
                return only;
            }
        }
        if (!disabled && WARNED.add(operation)) {
            warn("PerfTracker.track(\"" + operation + "\") ran outside a tracked test class (annotate the class "
                    + "@TrackPerformance or @ExtendWith(PerfExtension.class)), or on a thread shared by several; "
                    + "it is not recorded");
        }
        return null;
    }

    /** Runs {@code body} with this tracking current on the thread; restores what was there. */
    <T> T with(ThrowingSupplier<T> body) throws Throwable {
        ClassTracking before = CURRENT.get();
        CURRENT.set(this);
        try {
            return body.get();
        } finally {
            CURRENT.set(before);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Throwable;
    }

    Class<?> testClass() {
        return testClass;
    }

    TrackedRun run() {
        return run;
    }

    TrackedHistory history() {
        return history;
    }

    List<Threshold> thresholds() {
        return thresholds;
    }

    /** Keeps verdicts judged before the end (a method's thresholds) with the run. */
    void judged(List<ThresholdResult> results) {
        judged.addAll(results);
    }

    /** Judges the class's thresholds, writes and records the run; once. */
    synchronized TrackedRunReport.Outcome finish() {
        if (outcome != null) {
            return outcome;
        }
        ACTIVE.remove(this);
        ResourceSummary resources = monitor == null ? null : new ResourceSummary(monitor.stop());
        try {
            outcome = TrackedRunReport.finish(run, testClass.getName(), thresholds, List.copyOf(judged), resources,
                    settings, history, ClassTracking::warn);
        } finally {
            history.close();
        }
        return outcome;
    }

    /** Closes with the class's store: finishes a class whose methods alone were annotated. */
    @Override
    public void close() {
        if (outcome == null) {
            TrackedRunReport.Outcome end = finish();
            Summary.print(run, end, history);
            Summary.failIfBroken(run, end);
        }
    }

    static void warn(String message) {
        System.err.println("[perf] WARNING " + message);
    }
}
