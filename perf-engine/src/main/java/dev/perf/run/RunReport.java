package dev.perf.run;

import dev.perf.scenario.yaml.ScenarioException;

import java.util.List;

/**
 * The outcome of one invocation: either invalid scenarios (nothing was sent) or the runs, judged together.
 *
 * @param invalid  scenario files that failed validation; when not empty, no scenario ran
 * @param outcomes one per scenario run
 * @param aborted  the user stopped the runs (Ctrl-C)
 */
public record RunReport(List<ScenarioException> invalid, List<ScenarioOutcome> outcomes, boolean aborted) {

    public boolean valid() {
        return invalid.isEmpty();
    }

    public boolean passed() {
        return valid() && !aborted && outcomes.stream().allMatch(ScenarioOutcome::passed);
    }
}
