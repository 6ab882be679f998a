package dev.perf.maven;

import dev.perf.dashboard.Dashboard;
import org.apache.maven.plugin.logging.Log;

import java.io.IOException;
import java.nio.file.Path;

/** Renders the dashboard after a run; a failure to render is a warning, the results are already written. */
final class DashboardPages {

    private DashboardPages() {
    }

    /** @return whether the pages were written */
    static boolean render(Path output, Log log) {
        try {
            Path index = new Dashboard().render(output);
            log.info("Dashboard: " + index.toUri());
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("the dashboard could not be rendered: " + e.getMessage());
            return false;
        }
    }
}
