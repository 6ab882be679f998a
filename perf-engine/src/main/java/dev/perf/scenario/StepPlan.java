package dev.perf.scenario;

import dev.perf.analysis.Threshold;

import java.util.List;

/**
 * A stepped plan: a stress test ({@code concurrency: [10, 25, 50]}) or a scalability test
 * ({@code rate: [10, 25, 50]}). Each level is one stage of the {@link LoadSpec}; levels are reported one by one and
 * analysed together after the run.
 *
 * @param kind       what is stepped
 * @param levels     in the order they run, at least one
 * @param stopWhen   when it holds for a finished level, later levels are skipped; {@code null} to run them all
 * @param breakpoint the condition that marks a level as broken for the analysis (default {@code success-rate < 90%})
 */
public record StepPlan(LoadKind kind, List<Level> levels, Threshold stopWhen, Threshold breakpoint) {

    public StepPlan {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a stepped plan needs at least one level");
        }
    }

    /** The level run by stage {@code stageIndex}, or {@code null} when that stage is not a level (a pause). */
    public Level levelOfStage(int stageIndex) {
        for (Level level : levels) {
            if (level.stageIndex() == stageIndex) {
                return level;
            }
        }
        return null;
    }

    /**
     * One step.
     *
     * @param number     1-based
     * @param stageIndex the stage that runs it
     * @param load       arrivals per second or users
     */
    public record Level(int number, int stageIndex, double load) {
    }
}
