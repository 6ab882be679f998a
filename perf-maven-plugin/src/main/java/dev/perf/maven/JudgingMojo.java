package dev.perf.maven;

import dev.perf.dashboard.Dashboard;
import dev.perf.history.HistoryCredentials;
import dev.perf.run.HistoryOptions;
import dev.perf.run.InvocationSink;
import dev.perf.run.PerfRunner;
import dev.perf.run.PerfSetupException;
import dev.perf.run.RunReport;
import dev.perf.scenario.VerdictSpec;
import dev.perf.scenario.yaml.ScenarioException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the goals that judge runs share ({@code perf:run} and {@code perf:merge}): where results go, the history and
 * its baselines, what fails the build, and the dashboard rendered at the end.
 */
abstract class JudgingMojo extends ScenarioMojo {

    /** Where results go: {@code summary.json} and one folder per run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.outputDirectory", defaultValue = "${project.build.directory}/perf")
    protected File outputDirectory;

    /** Fail the build when the verdict is failed (a breached threshold, a run that stopped early, a regression under
     * {@code failOnRegression}); with {@code false} it is only reported, and {@code perf:verify} can fail the build
     * later (as Failsafe's verify does).
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.failOnThreshold", defaultValue = "true")
    private boolean failOnThreshold;

    /**
     * The run history: a SQLite file (kept outside {@code target/} so that {@code mvn clean} keeps it, and cacheable
     * between CI runs), a {@code jdbc:sqlite:} URL, or {@code off}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.history", defaultValue = "${project.basedir}/.perf/history.db")
    private String history;

    /**
     * The {@code <server>} of settings.xml whose username and password open a server history
     * ({@code perf.history=jdbc:postgresql://...}); without it, {@code PERF_HISTORY_USER} and
     * {@code PERF_HISTORY_PASSWORD} from the environment (else {@code PGUSER} and {@code PGPASSWORD}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.historyServer")
    private String historyServer;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    @Component
    private SettingsDecrypter settingsDecrypter;

    /**
     * Whether a history that cannot be opened (a database server that is down or refuses the credentials) fails the
     * build. With {@code false} the runs still write their results and verdicts, with a warning that they were not
     * recorded. A run is never half-recorded either way.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.historyRequired", defaultValue = "true")
    private boolean historyRequired;

    /** Keep at most this many runs per scenario in the history; 0 keeps all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.keepRuns", defaultValue = "0")
    private int keepRuns;

    /** Drop runs older than this many days from the history; 0 keeps them all.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.keepDays", defaultValue = "0")
    private int keepDays;

    /** How many earlier comparable runs (same branch, hardware and environment) make the baseline of relative
     * thresholds such as {@code p95 <= baseline * 1.10}; their median is compared, and fewer than 3 leave the threshold
     * inconclusive.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.baselineRuns", defaultValue = "5")
    private int baselineRuns;

    /** How much worse than the baseline (in percent) a figure may be before it can count as a regression; it must
     * also be beyond the baseline's own noise.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.regressionTolerance", defaultValue = "10")
    private double regressionTolerance;

    /** Fail the build when a figure regressed against the baseline (otherwise regressions are only reported).
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.failOnRegression", defaultValue = "false")
    private boolean failOnRegression;

    /** The branch whose runs make the baseline, e.g. {@code main} for a pull request; default: the current branch.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.baselineBranch")
    private String baselineBranch;

    /** How many of each scenario's most recent runs its trend page on the dashboard shows.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.trendRuns", defaultValue = "100")
    private int trendRuns;

    /** How many days the dashboard's by-day trend covers.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.trendDays", defaultValue = "90")
    private int trendDays;

    /** A run id pinned as the baseline (as listed by {@code perf:history -Dperf.groupBy=run}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.baselineRun")
    private String baselineRun;

    /** Mix runs from other hardware into the baseline (by default only runs on the same hardware fingerprint count).
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.baselineAnyHardware", defaultValue = "false")
    private boolean baselineAnyHardware;

    /** What a saturated load generator does to the verdict: {@code warn} (a latency or throughput breach the
     * generator could explain is inconclusive, and so is the run; the build goes on) or {@code fail} (the run fails). Default: each scenario's
     * {@code verdict.onSaturatedGenerator}, itself {@code warn} by default.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.onSaturatedGenerator")
    private String onSaturatedGenerator;

    /** This goal's name, for messages. */
    abstract String goal();

    /**
     * Runs (or merges) the scenarios through the runner, whose last sink renders the dashboard.
     *
     * @return the runs to judge, or {@code null} when there is nothing to judge (a dry run)
     * @param history    the history to record in, or {@code null} for none
     * @param saturation replaces every scenario's {@code verdict.onSaturatedGenerator}, or {@code null}
     */
    abstract RunReport perform(PerfRunner runner, HistoryOptions history, VerdictSpec.Saturation saturation)
            throws IOException, MojoFailureException;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perf:" + goal() + " skipped (perf.skip=true)");
            return;
        }
        RunReport report;
        String historyLocation = HistorySetting.resolve(history, project);
        HistoryCredentials credentials = historyLocation == null ? null
                : HistorySetting.credentials(historyServer, settings, settingsDecrypter);
        try {
            // the dashboard is the last sink of the invocation: rendered from the files the others wrote
            InvocationSink dashboard = ended -> {
                if (!ended.outcomes().isEmpty()) {
                    DashboardPages.renderAfterRun(outputDirectory.toPath(), historyLocation, credentials,
                            new Dashboard.Options(trendRuns, trendDays), getLog());
                }
            };
            report = perform(new PerfRunner(new MavenConsole(getLog()), List.of(dashboard)), historyOptions(),
                    saturation());
        } catch (PerfSetupException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write results to " + outputDirectory + ": " + e.getMessage()
                    + " (check perf.outputDirectory)", e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (report != null) {
            verdict(report);
        }
    }

    private HistoryOptions historyOptions() throws MojoFailureException {
        if (keepRuns < 0 || keepDays < 0) {
            throw new MojoFailureException("perf.keepRuns and perf.keepDays must be 0 (keep all) or more");
        }
        if (!(regressionTolerance >= 0 && regressionTolerance <= 1000)) {
            throw new MojoFailureException("perf.regressionTolerance=" + regressionTolerance + " is not valid; a percentage "
                    + "from 0 to 1000, e.g. 10");
        }
        if (trendRuns < 1 || trendDays < 1) {
            throw new MojoFailureException("perf.trendRuns and perf.trendDays must be 1 or more");
        }
        if (baselineRuns < 1 || baselineRuns > 1000) {
            throw new MojoFailureException("perf.baselineRuns=" + baselineRuns + " is not valid; from 1 to 1000");
        }
        String location = HistorySetting.resolve(history, project);
        return location == null ? null : new HistoryOptions(location, project.getGroupId() + ":"
                + project.getArtifactId() + ":" + project.getVersion(), project.getBasedir().toPath(), keepRuns, keepDays,
                baselineRuns, regressionTolerance / 100.0, failOnRegression, blankToNull(baselineBranch),
                blankToNull(baselineRun), baselineAnyHardware)
                .withCredentials(HistorySetting.credentials(historyServer, settings, settingsDecrypter))
                .withRequired(historyRequired);
    }

    private VerdictSpec.Saturation saturation() throws MojoFailureException {
        if (onSaturatedGenerator == null || onSaturatedGenerator.isBlank()) {
            return null;
        }
        VerdictSpec.Saturation saturation = VerdictSpec.Saturation.parse(onSaturatedGenerator);
        if (saturation == null) {
            throw new MojoFailureException("perf.onSaturatedGenerator='" + onSaturatedGenerator + "' is not valid; "
                    + "valid: warn (a breach the saturated generator could explain is inconclusive), fail (the run fails)");
        }
        return saturation;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private void verdict(RunReport report) throws MojoFailureException, MojoExecutionException {
        if (!report.valid()) {
            String problems = report.invalid().stream().map(ScenarioException::getMessage)
                    .collect(Collectors.joining(System.lineSeparator()));
            throw new MojoFailureException("invalid scenario: nothing was sent." + System.lineSeparator() + problems);
        }
        if (report.aborted()) {
            throw new MojoFailureException("stopped before the end: partial results are in " + outputDirectory);
        }
        if (!report.problems().isEmpty()) {
            throw new MojoExecutionException("perf: " + String.join(System.lineSeparator() + "perf: ", report.problems()));
        }
        List<String> failures = report.outcomes().stream()
                .flatMap(o -> o.failures().stream().map(f -> o.scenario().name() + ": " + f)).toList();
        List<String> inconclusive = report.outcomes().stream()
                .flatMap(o -> o.inconclusive().stream().map(f -> o.scenario().name() + ": " + f)).toList();
        if (!inconclusive.isEmpty()) {
            getLog().warn("perf: " + inconclusive.size() + " verdict(s) could not be judged (inconclusive: they neither "
                    + "pass nor fail the build):" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", inconclusive));
        }
        if (failures.isEmpty()) {
            getLog().info("perf: " + (inconclusive.isEmpty() ? "all " + report.outcomes().size() + " scenario(s) passed"
                    : "no scenario failed, " + inconclusive.size() + " verdict(s) inconclusive") + "; results in "
                    + outputDirectory);
            return;
        }
        String message = "perf: the verdict is failed (" + failures.size() + " reason(s)):" + System.lineSeparator()
                + "  " + String.join(System.lineSeparator() + "  ", failures);
        if (failOnThreshold) {
            throw new MojoFailureException(message + System.lineSeparator() + "(results and the dashboard are in "
                    + outputDirectory + "; set -Dperf.failOnThreshold=false to report without failing, and let "
                    + "perf:verify fail the build later)");
        }
        getLog().warn(message + System.lineSeparator() + "(not failing here: perf.failOnThreshold=false)");
    }
}
