package dev.perf.run;

import java.nio.file.Path;

/**
 * Where and how the run history is kept.
 *
 * @param location         a file path or a {@code jdbc:sqlite:} URL
 * @param project          Maven coordinates {@code group:artifact:version}, or {@code null}
 * @param projectDirectory where to look for the git repository
 * @param keepRuns         keep at most this many runs per scenario, 0 for all
 * @param keepDays         drop runs older than this many days, 0 for never
 * @param baselineRuns     how many earlier passing runs (same branch, same hardware) make the baseline
 */
public record HistoryOptions(String location, String project, Path projectDirectory, int keepRuns, int keepDays,
                             int baselineRuns) {

    public static final int DEFAULT_BASELINE_RUNS = 5;
}
