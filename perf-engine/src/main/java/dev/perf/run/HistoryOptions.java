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
 * @param baselineRuns     how many earlier comparable runs (same branch, same hardware) make the baseline
 * @param tolerance        relative change tolerated before a figure can be a regression, e.g. 0.10
 * @param failOnRegression whether a regression fails the run
 * @param baselineBranch   the branch whose runs make the baseline (e.g. main, for pull requests), or {@code null}
 *                         for the current branch
 * @param baselineRun      a run id pinned as the baseline, or {@code null}
 * @param anyHardware      mix runs from other hardware fingerprints into the baseline
 */
public record HistoryOptions(String location, String project, Path projectDirectory, int keepRuns, int keepDays,
                             int baselineRuns, double tolerance, boolean failOnRegression, String baselineBranch,
                             String baselineRun, boolean anyHardware) {

    public static final double DEFAULT_TOLERANCE = 0.10;

    public HistoryOptions(String location, String project, Path projectDirectory, int keepRuns, int keepDays,
                          int baselineRuns) {
        this(location, project, projectDirectory, keepRuns, keepDays, baselineRuns, DEFAULT_TOLERANCE, false, null, null,
                false);
    }
}
