package dev.perf.maven;

import dev.perf.history.HistoryCredentials;
import dev.perf.history.HistoryLocation;
import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.report.HistoryReport;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints what the run history says: every scenario and request over the last days (runs, count, success rate,
 * avg, p95, p99, from merged histograms), then a trend per scenario by day or by run. Sends no traffic.
 */
@Mojo(name = "history", threadSafe = true, requiresProject = true)
public class HistoryMojo extends AbstractMojo {

    /** The run history: a SQLite file, a {@code jdbc:sqlite:} URL, or a {@code jdbc:postgresql://host:port/database} URL.
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
     * Another history (a SQLite file, relative to the project, or a URL) whose runs are copied into
     * {@code perf.history}, each with everything kept with it; runs already there are left alone, so running it again
     * copies nothing. Nothing is printed but how many runs were copied.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.historyCopyFrom")
    private String historyCopyFrom;

    /** How many days back the report and the trends go.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.days", defaultValue = "7")
    private int days;

    /** Only these scenarios (comma-separated names); all by default.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.scenario")
    private String scenario;

    /** Trends by {@code day} or by {@code run}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.groupBy", defaultValue = "day")
    private String groupBy;

    /** Trends over at most this many most recent runs; 0 for all in the period.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.runs", defaultValue = "0")
    private int runs;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoFailureException {
        String location = HistorySetting.resolve(history, project);
        if (location == null) {
            getLog().info("perf:history: the history is off (perf.history=" + history + ")");
            return;
        }
        if (days < 1 || runs < 0) {
            throw new MojoFailureException("perf.days must be 1 or more and perf.runs 0 or more");
        }
        HistoryQuery.Grouping grouping = switch (groupBy.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> HistoryQuery.Grouping.DAY;
            case "run" -> HistoryQuery.Grouping.RUN;
            default -> throw new MojoFailureException("perf.groupBy='" + groupBy + "' is not valid; use day or run");
        };
        HistoryCredentials credentials = HistorySetting.credentials(historyServer, settings, settingsDecrypter);
        if (historyCopyFrom != null && !historyCopyFrom.isBlank()) {
            copy(location, credentials);
            return;
        }
        if (!new HistoryLocation(location).exists()) {
            getLog().info("perf:history: no history yet at " + location + " (perf:run writes it)");
            return;
        }
        List<String> only = scenario == null || scenario.isBlank() ? List.of()
                : Arrays.stream(scenario.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        try (HistoryStore store = HistoryStore.open(location, credentials)) {
            getLog().info("History: " + location);
            HistoryReport.print(new HistoryQuery(store), days, only, grouping, runs, Instant.now(), getLog()::info);
        } catch (SQLException e) {
            throw new MojoFailureException("cannot read the history " + location + ": " + e.getMessage(), e);
        }
    }

    /** Copies the runs of {@code perf.historyCopyFrom} that {@code location} does not have. */
    private void copy(String location, HistoryCredentials credentials) throws MojoFailureException {
        String source = HistorySetting.resolve(historyCopyFrom, project);
        if (source == null || !new HistoryLocation(source).exists()) {
            throw new MojoFailureException("perf.historyCopyFrom='" + historyCopyFrom + "' is no history to copy: give "
                    + "the path of an existing SQLite file (such as .perf/history.db) or a history's URL");
        }
        if (source.equals(location)) {
            throw new MojoFailureException("perf.historyCopyFrom and perf.history are the same history (" + location
                    + "): name the history to copy from and the one to copy into");
        }
        try (HistoryStore from = HistoryStore.open(source, credentials);
             HistoryStore into = HistoryStore.open(location, credentials)) {
            int copied = into.copyFrom(from);
            getLog().info("perf:history: copied " + copied + " run(s) from " + source + " into " + location
                    + (copied == 0 ? " (all were there already)" : ""));
        } catch (SQLException e) {
            throw new MojoFailureException("copying the history " + source + " into " + location + " failed: "
                    + e.getMessage() + " (runs copied before the failure are whole; run it again to copy the rest)",
                    e);
        }
    }
}
