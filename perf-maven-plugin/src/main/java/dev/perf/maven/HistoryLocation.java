package dev.perf.maven;

import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Path;

/** Where the history is, from {@code perf.history}, and a temp folder sqlite-jdbc can load its native library from. */
final class HistoryLocation {

    private HistoryLocation() {
    }

    /** @return a file path or JDBC URL, or {@code null} when the history is off */
    static String resolve(String configured, MavenProject project) {
        if (configured == null || configured.isBlank() || configured.trim().equalsIgnoreCase("off")
                || configured.trim().equalsIgnoreCase("false")) {
            return null;
        }
        nativeLibraryFolder(project);
        String value = configured.trim();
        if (value.startsWith("jdbc:")) {
            return value;
        }
        Path path = Path.of(value);
        return (path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path)).toString();
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
