package dev.perf.junit;

import dev.perf.scenario.Threshold;
import dev.perf.analysis.ThresholdResult;
import dev.perf.track.TrackSettings;
import dev.perf.track.TrackedRun;
import dev.perf.track.TrackedRunReport;
import dev.perf.track.TrackedThresholds;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JUnit 5 extension behind {@link TrackPerformance}: measures tracked test methods (with their repetitions and
 * warm-up), makes {@link PerfTracker#track} record into the class's run, judges thresholds, and when the class ends
 * writes its run to {@code target/perf/tracked} and the history. Register it with {@code @TrackPerformance}, or
 * {@code @ExtendWith(PerfExtension.class)} to record {@code track} blocks alone.
 */
public final class PerfExtension implements BeforeAllCallback, AfterAllCallback, InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerfExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        tracking(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (outermost(context) != context) {
            return; // a @Nested class: its operations belong to the class around it, which ends later
        }
        ClassTracking tracking = context.getStore(NAMESPACE).get(ClassTracking.class, ClassTracking.class);
        if (tracking != null) {
            TrackedRunReport.Outcome outcome = tracking.finish();
            Summary.print(tracking.run(), outcome, tracking.history());
            Summary.failIfBroken(tracking.run(), outcome);
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                    ExtensionContext context) throws Throwable {
        measure(invocation, method, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                            ExtensionContext context) throws Throwable {
        measure(invocation, method, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                          ExtensionContext context) throws Throwable {
        current(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                         ExtensionContext context) throws Throwable {
        current(invocation, context);
    }

    /** Runs a setup method with the class's tracking current, so blocks in it are recorded. */
    private static void current(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        ClassTracking tracking = tracking(context);
        if (tracking == null) {
            invocation.proceed();
            return;
        }
        tracking.with(invocation::proceed);
    }

    private static void measure(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                ExtensionContext context) throws Throwable {
        ClassTracking tracking = tracking(context);
        if (tracking == null) {
            invocation.proceed(); // tracking is off: the test runs once, as if untracked
            return;
        }
        Optional<TrackPerformance> onMethod = AnnotationSupport.findAnnotation(method.getExecutable(),
                TrackPerformance.class);
        Optional<TrackPerformance> onClass = classAnnotation(context);
        if (onMethod.isEmpty() && onClass.isEmpty()) {
            tracking.with(invocation::proceed); // registered for its blocks only
            return;
        }
        TrackPerformance settings = onMethod.orElseGet(onClass::get);
        String where = method.getTargetClass().getSimpleName() + "." + method.getExecutable().getName();
        String operation = onMethod.isPresent() && !onMethod.get().name().isBlank() ? onMethod.get().name().trim()
                : method.getExecutable().getName();
        List<Threshold> thresholds = new ArrayList<>();
        try {
            TrackedRun.checkName(operation);
            if (settings.repetitions() < 1 || settings.warmup() < 0) {
                throw new IllegalArgumentException("repetitions is " + settings.repetitions() + " and warmup "
                        + settings.warmup() + "; repetitions must be 1 or more, warmup 0 or more");
            }
            thresholds.addAll(thresholds(onMethod, operation));
        } catch (IllegalArgumentException e) {
            invocation.skip();
            throw new ExtensionConfigurationException("@TrackPerformance on " + where + ": " + e.getMessage());
        }
        int executions = settings.warmup() + settings.repetitions();
        Throwable first = tracking.with(() -> executions == 1
                ? once(invocation, tracking.run(), operation)
                : repeated(invocation, method, tracking.run(), operation, settings.warmup(), settings.repetitions()));
        List<ThresholdResult> results = thresholds.isEmpty() ? List.of()
                : TrackedRunReport.judge(thresholds, tracking.run().metrics(), null, tracking.history());
        tracking.judged(results);
        List<ThresholdResult> breaches = results.stream().filter(ThresholdResult::breached).toList();
        // one execution's failure is the test's, always; repetitions' are the thresholds' to judge when one is about them
        if (first != null && (executions == 1 || !judgesFailures(operation, thresholds, tracking.thresholds()))) {
            if (executions > 1) {
                long failed = tracking.run().metrics().byRequest().get(operation).failed();
                first.addSuppressed(new AssertionFailedError(failed + " of " + settings.repetitions()
                        + " executions of " + operation + " failed; this is the first (a success-rate threshold "
                        + "would say how many may fail)"));
            }
            throw first;
        }
        String breach = Summary.failure(where, breaches);
        if (breach != null) {
            throw new AssertionFailedError(breach);
        }
    }

    /** One measured execution through JUnit's own invocation; returns what it threw. */
    private static Throwable once(Invocation<Void> invocation, TrackedRun run, String operation) {
        TrackedRun.Execution execution = TrackedRun.begin();
        try {
            invocation.proceed();
            execution.end(run, operation, null);
            return null;
        } catch (Throwable failure) {
            execution.end(run, operation, failure);
            return failure;
        }
    }

    /**
     * Warm-up, then measured executions of the method body; every failure is recorded and the first returned. A
     * warm-up failure fails the test at once.
     */
    private static Throwable repeated(Invocation<Void> invocation, ReflectiveInvocationContext<Method> method,
                                      TrackedRun run, String operation, int warmup, int repetitions) throws Throwable {
        Object target = method.getTarget().orElse(null);
        Object[] arguments = method.getArguments().toArray();
        invocation.skip();
        for (int i = 0; i < warmup; i++) {
            ReflectionSupport.invokeMethod(method.getExecutable(), target, arguments);
        }
        Throwable first = null;
        for (int i = 0; i < repetitions; i++) {
            TrackedRun.Execution execution = TrackedRun.begin();
            try {
                ReflectionSupport.invokeMethod(method.getExecutable(), target, arguments);
                execution.end(run, operation, null);
            } catch (Throwable failure) {
                execution.end(run, operation, failure);
                first = first == null ? failure : first;
            }
        }
        return first;
    }

    private static boolean judgesFailures(String operation, List<Threshold> method, List<Threshold> forClass) {
        return method.stream().anyMatch(t -> TrackedRunReport.judgesFailures(t, operation))
                || forClass.stream().anyMatch(t -> TrackedRunReport.judgesFailures(t, operation));
    }

    /** The class's tracking, started at first use; {@code null} when tracking is off. */
    private static ClassTracking tracking(ExtensionContext context) {
        ExtensionContext outer = outermost(context);
        ExtensionContext.Store store = outer.getStore(NAMESPACE);
        TrackSettings settings = store.getOrComputeIfAbsent(TrackSettings.class, k -> settings(outer),
                TrackSettings.class);
        if (!settings.enabled()) {
            ClassTracking.disabled();
            return null;
        }
        return store.getOrComputeIfAbsent(ClassTracking.class, k -> start(outer, settings), ClassTracking.class);
    }

    private static TrackSettings settings(ExtensionContext context) {
        try {
            return TrackSettings.from(key -> key.equals("basedir") ? System.getProperty("basedir")
                    : context.getConfigurationParameter(key).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage());
        }
    }

    private static ClassTracking start(ExtensionContext outer, TrackSettings settings) {
        Class<?> testClass = outer.getRequiredTestClass();
        Optional<TrackPerformance> annotation = AnnotationSupport.findAnnotation(testClass, TrackPerformance.class);
        String test = annotation.map(TrackPerformance::name).filter(n -> !n.isBlank()).map(String::trim)
                .orElse(testClass.getSimpleName());
        List<Threshold> thresholds = new ArrayList<>();
        try {
            thresholds.addAll(thresholds(annotation, null));
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@TrackPerformance on " + testClass.getSimpleName() + ": "
                    + e.getMessage());
        }
        thresholds.addAll(TrackFile.thresholds(testClass, test));
        return new ClassTracking(testClass, test, settings, thresholds);
    }

    /**
     * An annotation's thresholds, about {@code operation} unless they name one ({@code null}: all operations).
     *
     * @throws IllegalArgumentException for the first that is wrong
     */
    private static List<Threshold> thresholds(Optional<TrackPerformance> annotation, String operation) {
        List<Threshold> thresholds = new ArrayList<>();
        for (String expression : annotation.map(TrackPerformance::thresholds).orElse(new String[0])) {
            thresholds.add(TrackedThresholds.parse(expression, operation));
        }
        return thresholds;
    }

    /** The annotation of the test's class or a class around it ({@code @Nested}). */
    private static Optional<TrackPerformance> classAnnotation(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<Class<?>> type = c.get().getTestClass();
            Optional<TrackPerformance> found = type.flatMap(t -> AnnotationSupport.findAnnotation(t, TrackPerformance.class));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The context of the top-level class the test belongs to. */
    private static ExtensionContext outermost(ExtensionContext context) {
        ExtensionContext outer = context;
        while (outer.getParent().isPresent() && outer.getParent().get() != outer.getRoot()) {
            outer = outer.getParent().get();
        }
        return outer;
    }
}
