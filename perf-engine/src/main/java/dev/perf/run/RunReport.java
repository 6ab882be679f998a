package dev.perf.run;

import dev.perf.analysis.Verdict;
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

    public RunReport {
        problems = List.copyOf(problems);
    }

    public RunReport(List<ScenarioException> invalid, List<ScenarioOutcome> outcomes, boolean aborted) {
        this(invalid, outcomes, aborted, List.of());
    }

    public boolean valid() {
        return invalid.isEmpty();
    }

    /**
     * The verdict of the runs together: failed when any failed, when they were stopped, or when a problem besides
     * them (a run not recorded) fails the build; else inconclusive when any was.
     */
    public Verdict verdict() {
        return Verdict.of(outcomes.stream().map(ScenarioOutcome::verdict).toList(), aborted || !problems.isEmpty());
    }

    /** Whether the build may go on: valid, not stopped, no run failed (inconclusive ones do not fail it). */
    public boolean passed() {
        return valid() && verdict() != Verdict.FAILED;
    }
}
