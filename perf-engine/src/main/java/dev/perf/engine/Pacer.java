package dev.perf.engine;

import dev.perf.scenario.RateStage;
import dev.perf.scenario.Shard;

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

    /**
     * A shard's arrivals: every N-th of the whole stage's schedule, starting at the shard's own (shard I takes
     * arrivals I-1, I-1+N, I-1+2N...), so the union of all shards' arrivals is the whole schedule, evenly spaced at
     * the whole rate, for constant rates and ramps alike.
     *
     * @param shard {@code null}: the whole schedule
     */
    static Pacer forStage(RateStage stage, Shard shard) {
        Pacer whole = forStage(stage);
        if (shard == null || shard.count() == 1) {
            return whole;
        }
        long count = shard.count();
        long first = shard.index() - 1;
        return index -> whole.offsetNanos(index * count + first);
    }

    static Pacer forStage(RateStage stage) {
        long durationNanos = stage.duration().toNanos();
        return stage.isRamp()
                ? new LinearRampPacer(stage.startPerSecond(), stage.endPerSecond(), durationNanos)
                : new ConstantRatePacer(stage.startPerSecond(), durationNanos);
    }
}
