package dev.perf.maven;

import dev.perf.dashboard.Dashboard;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Renders the static dashboard again without running anything: this build's results in {@code target/perf} (when
 * there are any) and every scenario's trend and recent runs from the run history (after {@code mvn clean}, say, or
 * on a machine that only has the history).
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo {

    /** Where perf:run wrote its results, and where the dashboard goes.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.outputDirectory", defaultValue = "${project.build.directory}/perf")
    private File outputDirectory;

    /** The run history to draw trends and earlier runs from; {@code off} renders this build's results alone.
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

    /** How many of each scenario's most recent runs its trend page shows (each gets its own page).
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.trendRuns", defaultValue = "100")
    private int trendRuns;

    /** How many days the by-day trend covers.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.trendDays", defaultValue = "90")
    private int trendDays;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoFailureException {
        if (trendRuns < 1 || trendDays < 1) {
            throw new MojoFailureException("perf.trendRuns and perf.trendDays must be 1 or more");
        }
        Path output = outputDirectory.toPath();
        String location = HistorySetting.resolve(history, project);
        try {
            Path index = DashboardPages.render(output, location, HistorySetting.credentials(historyServer, settings,
                    settingsDecrypter), new Dashboard.Options(trendRuns, trendDays), getLog());
            getLog().info("Dashboard: " + index.toUri());
        } catch (IOException | RuntimeException e) {
            throw new MojoFailureException("the dashboard could not be rendered: " + e.getMessage() + "; run perf:run "
                    + "first, or point perf.outputDirectory at its results and perf.history at the run history", e);
        }
    }
}
