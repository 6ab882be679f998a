package dev.perf.maven;

import dev.perf.history.HistoryCredentials;
import dev.perf.history.HistoryLocation;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import java.io.File;

/**
 * Where the history is, from {@code perf.history}; who a server history is opened as, from {@code perf.historyServer}
 * (a {@code settings.xml} server) or the environment; and a temp folder sqlite-jdbc can load its native library from.
 */
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
     * @param server a {@code settings.xml} server id, or blank for the environment ({@link HistoryCredentials})
     * @throws MojoFailureException when the server is not in settings.xml or its password cannot be decrypted
     */
    static HistoryCredentials credentials(String server, Settings settings, SettingsDecrypter decrypter)
            throws MojoFailureException {
        if (server == null || server.isBlank()) {
            return HistoryCredentials.fromEnvironment(System.getenv());
        }
        Server entry = settings == null ? null : settings.getServer(server.trim());
        if (entry == null) {
            throw new MojoFailureException("perf.historyServer='" + server.trim() + "' names no <server> in "
                    + "settings.xml; add one with that <id> and the history's <username> and <password>, or leave "
                    + "perf.historyServer out to take " + HistoryCredentials.USER + " and " + HistoryCredentials.PASSWORD
                    + " from the environment");
        }
        SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(entry));
        if (!decrypted.getProblems().isEmpty() || decrypted.getServer() == null) {
            throw new MojoFailureException("the password of <server> " + server.trim() + " in settings.xml cannot be "
                    + "decrypted (see settings-security.xml)" + (decrypted.getProblems().isEmpty() ? ""
                    : ": " + decrypted.getProblems().get(0).getMessage()));
        }
        return new HistoryCredentials(decrypted.getServer().getUsername(), decrypted.getServer().getPassword());
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
