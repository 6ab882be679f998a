package dev.perf.maven;

import dev.perf.scenario.Printable;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Where the history is, from {@code perf.history}, and a temp folder sqlite-jdbc can load its native library from. */
final class HistoryLocation {

    private HistoryLocation() {
    }

    /**
     * @return a file path or JDBC URL, or {@code null} when the history is off
     * @throws MojoFailureException naming perf.history, its value and what is valid
     */
    static String resolve(String configured, MavenProject project) throws MojoFailureException {
        if (configured == null || configured.isBlank() || configured.trim().equalsIgnoreCase("off")
                || configured.trim().equalsIgnoreCase("false")) {
            return null;
        }
        nativeLibraryFolder(project);
        String value = configured.trim();
        if (value.startsWith("jdbc:")) {
            if (!value.startsWith("jdbc:sqlite:")) {
                throw new MojoFailureException("perf.history='" + Printable.quoted(value) + "' is not valid: the history "
                        + "is a SQLite file; give its path, a jdbc:sqlite: URL, or off");
            }
            return value;
        }
        try {
            Path path = Path.of(value);
            return (path.isAbsolute() ? path : project.getBasedir().toPath().resolve(path)).toString();
        } catch (InvalidPathException e) {
            throw new MojoFailureException("perf.history='" + Printable.quoted(value) + "' is not a file path ("
                    + e.getReason() + "); give the SQLite file's path, a jdbc:sqlite: URL, or off");
        }
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
