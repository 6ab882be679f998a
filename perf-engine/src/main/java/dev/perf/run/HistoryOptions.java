package dev.perf.run;

import dev.perf.history.HistoryCredentials;

import java.nio.file.Path;

/**
 * Where and how the run history is kept.
 *
 * @param location         a file path, a {@code jdbc:sqlite:} or a {@code jdbc:postgresql:} URL
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
 * @param credentials      who a server history is opened as
 * @param required         whether a history that cannot be opened fails the build (else the runs go unrecorded,
 *                         with a warning)
 */
public record HistoryOptions(String location, String project, Path projectDirectory, int keepRuns, int keepDays,
                             int baselineRuns, double tolerance, boolean failOnRegression, String baselineBranch,
                             String baselineRun, boolean anyHardware, HistoryCredentials credentials,
                             boolean required) {

    public static final double DEFAULT_TOLERANCE = 0.10;

    /** Credentials from the environment; a history that cannot be opened fails the build. */
    public HistoryOptions(String location, String project, Path projectDirectory, int keepRuns, int keepDays,
                          int baselineRuns, double tolerance, boolean failOnRegression, String baselineBranch,
                          String baselineRun, boolean anyHardware) {
        this(location, project, projectDirectory, keepRuns, keepDays, baselineRuns, tolerance, failOnRegression,
                baselineBranch, baselineRun, anyHardware, HistoryCredentials.fromEnvironment(System.getenv()), true);
    }

    public HistoryOptions(String location, String project, Path projectDirectory, int keepRuns, int keepDays,
                          int baselineRuns) {
        this(location, project, projectDirectory, keepRuns, keepDays, baselineRuns, DEFAULT_TOLERANCE, false, null, null,
                false);
    }

    public HistoryOptions withCredentials(HistoryCredentials who) {
        return new HistoryOptions(location, project, projectDirectory, keepRuns, keepDays, baselineRuns, tolerance,
                failOnRegression, baselineBranch, baselineRun, anyHardware, who, required);
    }

    public HistoryOptions withRequired(boolean mustOpen) {
        return new HistoryOptions(location, project, projectDirectory, keepRuns, keepDays, baselineRuns, tolerance,
                failOnRegression, baselineBranch, baselineRun, anyHardware, credentials, mustOpen);
    }
}
