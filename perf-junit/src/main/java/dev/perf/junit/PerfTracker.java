package dev.perf.junit;

import dev.perf.track.TrackedRun;

/**
 * Tracks a block inside a test: its duration, its outcome (with the exception's message) and the CPU time and heap
 * its thread spent, recorded under the operation's name in the run of the test class (annotated
 * {@link TrackPerformance}, or {@code @ExtendWith(PerfExtension.class)}). The block's result or exception passes
 * through unchanged. With {@code perf.track=off}, or outside a tracked class, the block simply runs.
 *
 * <pre>
 * Customer created = PerfTracker.track("create-customer", () -&gt; client.createCustomer("Ada"));
 * </pre>
 */
public final class PerfTracker {

    /** A block that returns nothing. */
    @FunctionalInterface
    public interface Block {
        void run() throws Exception;
    }

    /** A block that returns a value. */
    @FunctionalInterface
    public interface Call<T> {
        T call() throws Exception;
    }

    private PerfTracker() {
    }

    /** Runs and records {@code block} as one execution of {@code operation}. */
    public static void track(String operation, Block block) throws Exception {
        track(operation, () -> {
            block.run();
            return null;
        });
    }

    /** Runs and records {@code call} as one execution of {@code operation}; returns its value. */
    public static <T> T track(String operation, Call<T> call) throws Exception {
        ClassTracking tracking = ClassTracking.current(operation);
        if (tracking == null) {
            return call.call();
        }
        if (!tracking.run().has(operation)) {
            TrackedRun.checkName(operation); // a bad name fails before the block runs, not after
        }
        TrackedRun.Execution execution = TrackedRun.begin();
        try {
            T value = call.call();
            execution.end(tracking.run(), operation, null);
            return value;
        } catch (Throwable failure) {
            execution.end(tracking.run(), operation, failure);
            throw failure;
        }
    }
}
