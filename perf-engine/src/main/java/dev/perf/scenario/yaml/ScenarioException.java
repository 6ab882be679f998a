package dev.perf.scenario.yaml;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** A scenario file is invalid. Carries every problem found, not only the first. */
public final class ScenarioException extends Exception {
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        this(problems.get(0).file(), problems);
    }

    /**
     * @param scenario the scenario file (problems may be in a file it includes)
     * @param problems in any order: they are listed by file, line and column, as an editor shows them
     */
    public ScenarioException(java.nio.file.Path scenario, List<Problem> problems) {
        this(scenario, sorted(problems), true);
    }

    private ScenarioException(java.nio.file.Path scenario, List<Problem> sorted, boolean ignored) {
        super(sorted.size() + (sorted.size() == 1 ? " problem" : " problems") + " in scenario "
                + scenario + ":" + System.lineSeparator()
                + sorted.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = sorted;
    }

    /** By file (the scenario's own first, in the order files were read), then line and column; stable. */
    private static List<Problem> sorted(List<Problem> problems) {
        List<java.nio.file.Path> files = problems.stream().map(Problem::file).distinct().toList();
        return problems.stream().sorted(Comparator.<Problem>comparingInt(p -> files.indexOf(p.file()))
                .thenComparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
