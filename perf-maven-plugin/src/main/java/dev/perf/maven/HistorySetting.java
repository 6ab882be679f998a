package dev.perf.maven;

import dev.perf.history.HistoryLocation;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

import java.io.File;

/** Where the history is, from {@code perf.history}, and a temp folder sqlite-jdbc can load its native library from. */
final class HistorySetting {

    private HistorySetting() {
    }

    /**
     * @return a file path or JDBC URL, or {@code null} when the history is off
     * @throws MojoFailureException naming perf.history, its value and what is valid
     */
    static String resolve(String configured, MavenProject project) throws MojoFailureException {
        HistoryLocation location;
        try {
            location = HistoryLocation.parse(configured, project.getBasedir().toPath());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        if (location == null) {
            return null;
        }
        nativeLibraryFolder(project);
        return location.value();
    }

    /**
     * sqlite-jdbc unpacks its native library to the temp folder, which CI runners sometimes mount noexec; unless
     * told otherwise, use the build folder instead.
     */
    private static void nativeLibraryFolder(MavenProject project) {
        if (System.getProperty("org.sqlite.tmpdir") == null) {
            File folder = new File(project.getBuild().getDirectory(), "sqlite-native");
            if (folder.isDirectory() || folder.mkdirs()) {
                System.setProperty("org.sqlite.tmpdir", folder.getAbsolutePath());
            }
        }
    }
}
