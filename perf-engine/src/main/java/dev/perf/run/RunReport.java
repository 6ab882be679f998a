package dev.perf.run;

import dev.perf.scenario.yaml.ScenarioException;

import java.util.List;

/**
 * The outcome of one invocation: either invalid scenarios (nothing was sent) or the runs, judged together.
 *
 * @param invalid  scenario files that failed validation; when not empty, no scenario ran
 * @param outcomes one per scenario run
 * @param aborted  the user stopped the runs (Ctrl-C)
 * @param problems what went wrong besides the verdicts, one line each: a run that could not be recorded in the
 *                 history; any fails the build
 */
public record RunReport(List<ScenarioException> invalid, List<ScenarioOutcome> outcomes, boolean aborted,
                        List<String> problems) {

    public RunReport(List<ScenarioException> invalid, List<ScenarioOutcome> outcomes, boolean aborted) {
        this(invalid, outcomes, aborted, List.of());
    }

    public boolean valid() {
        return invalid.isEmpty();
    }

    /** Whether the build may go on: valid, not stopped, no run failed (inconclusive ones do not fail it). */
    public boolean passed() {
        return valid() && !aborted && problems.isEmpty() && outcomes.stream().noneMatch(ScenarioOutcome::failed);
    }
}
