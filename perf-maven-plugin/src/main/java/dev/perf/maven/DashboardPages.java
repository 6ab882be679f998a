package dev.perf.maven;

import dev.perf.dashboard.Dashboard;
import dev.perf.history.HistoryCredentials;
import dev.perf.history.HistoryLocation;
import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Renders the dashboard from the results folder and, when there is one, the run history. */
final class DashboardPages {

    private DashboardPages() {
    }

    /**
     * @param history     the history's location, or {@code null} when it is off
     * @param credentials who a server history is opened as
     * @throws IOException when nothing could be rendered; a history that cannot be read is a warning, and the pages
     *                     are rendered without trends
     */
    static Path render(Path output, String history, HistoryCredentials credentials, Dashboard.Options options, Log log)
            throws IOException {
        Dashboard dashboard = new Dashboard(options);
        if (history == null || !new HistoryLocation(history).exists()) {
            return dashboard.render(output, null);
        }
        try (HistoryStore store = HistoryStore.open(history, credentials)) {
            return dashboard.render(output, new HistoryQuery(store));
        } catch (SQLException | IOException | RuntimeException | LinkageError e) {
            if (!Files.isRegularFile(output.resolve("summary.json"))) {
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
            log.warn("the dashboard has no trends: the history " + history + " could not be read (" + e.getMessage()
                    + ")");
            return dashboard.render(output, null);
        }
    }

    /** After perf:run: a failure to render is a warning, the results are already written. */
    static void renderAfterRun(Path output, String history, HistoryCredentials credentials, Dashboard.Options options,
                               Log log) {
        try {
            log.info("Dashboard: " + render(output, history, credentials, options, log).toUri());
        } catch (IOException | RuntimeException e) {
            log.warn("the dashboard could not be rendered: " + e.getMessage());
        }
    }
}
