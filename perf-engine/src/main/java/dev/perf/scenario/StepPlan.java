package dev.perf.scenario;


import java.time.Duration;
import java.util.List;

/**
 * A stepped plan: a stress test ({@code concurrency: [10, 25, 50]}) or a scalability test
 * ({@code rate: [10, 25, 50]}). Each level is one stage of the {@link LoadSpec}; levels are reported one by one and
 * analysed together after the run. Other stages of the plan (a warm-up, ramps or pauses between levels) are not
 * levels and are left out of the analysis.
 *
 * @param kind         what is stepped
 * @param levels       in the order they run, at least one
 * @param stepDuration how long each level runs
 * @param pause        no load between levels, or {@code null}
 * @param stepRamp     a linear ramp from each level to the next, or {@code null}
 * @param warmup       a first stage at the first level's load, before level 1, or {@code null}
 * @param stopWhen     when it holds for a finished level, later levels are skipped; {@code null} to run them all
 * @param breakpoint   the condition that marks a level as broken for the analysis (default {@code success-rate < 90%})
 */
public record StepPlan(LoadKind kind, List<Level> levels, Duration stepDuration, Duration pause, Duration stepRamp,
                       Duration warmup, Threshold stopWhen, Threshold breakpoint) {

    public StepPlan {
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a stepped plan needs at least one level");
        }
    }

    /** The level run by stage {@code stageIndex}, or {@code null} when that stage is not a level. */
    public Level levelOfStage(int stageIndex) {
        for (Level level : levels) {
            if (level.stageIndex() == stageIndex) {
                return level;
            }
        }
        return null;
    }

    /** What a stage that is not a level is for people: "warm-up", "ramp" or "pause". */
    public String roleOfStage(int stageIndex, Stage stage) {
        String notPause = stageIndex < levels.get(0).stageIndex() ? "warm-up" : "ramp";
        return stage.fold(rate -> notPause, users -> notPause, pause -> "pause");
    }

    /** "rate steps 10/s, 25/s, 50/s (30s each, pause 2s)". */
    public String describe() {
        StringBuilder text = new StringBuilder(kind == LoadKind.RATE ? "rate steps " : "concurrency steps ");
        for (int i = 0; i < levels.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(kind.format(levels.get(i).load()));
        }
        text.append(" (").append(Durations.format(stepDuration)).append(" each");
        if (pause != null) {
            text.append(", pause ").append(Durations.format(pause));
        }
        if (stepRamp != null) {
            text.append(", ramps of ").append(Durations.format(stepRamp));
        }
        if (warmup != null) {
            text.append(", warm-up ").append(Durations.format(warmup));
        }
        return text.append(')').toString();
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
