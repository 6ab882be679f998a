package dev.perf.scenario.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file is invalid. Carries every problem found, not only the first. */
public final class ScenarioException extends Exception {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        this(problems.get(0).file(), problems);
    }

    /** @param scenario the scenario file (problems may be in a file it includes) */
    public ScenarioException(java.nio.file.Path scenario, List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in scenario "
                + scenario + ":" + System.lineSeparator()
                + problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
