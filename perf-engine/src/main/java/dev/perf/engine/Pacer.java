package dev.perf.engine;

import dev.perf.scenario.RateStage;

/**
 * When each arrival of an open-model stage is intended to be sent. Pure arithmetic, no clock: the driver adds the
 * offset to the stage's start, so a late generator never shifts the schedule (and latency, measured from the
 * intended time, includes the lateness).
 */
public interface Pacer {

    /** Returned when arrival {@code index} falls beyond the stage. */
    long NEVER = Long.MAX_VALUE;

    /**
     * @param index 0-based arrival number within the stage
     * @return nanoseconds from the stage start at which the arrival is intended, or {@link #NEVER}
     */
    long offsetNanos(long index);

    static Pacer forStage(RateStage stage) {
        long durationNanos = stage.duration().toNanos();
        return stage.isRamp()
                ? new LinearRampPacer(stage.startPerSecond(), stage.endPerSecond(), durationNanos)
                : new ConstantRatePacer(stage.startPerSecond(), durationNanos);
    }
}
