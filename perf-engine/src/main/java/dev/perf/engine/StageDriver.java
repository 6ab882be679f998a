package dev.perf.engine;

/** Runs one stage of the plan; one implementation per stage kind, chosen in {@link LoadEngine}. */
interface StageDriver {

    /**
     * Offers the stage's load, starting at {@code startNanos}.
     *
     * @return when the stage stopped offering load (its scheduled end, or earlier if aborted)
     */
    long run(int stageIndex, long startNanos) throws InterruptedException;
}
