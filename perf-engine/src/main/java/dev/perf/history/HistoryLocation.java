package dev.perf.history;

import dev.perf.scenario.Printable;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one reading of a {@code perf.history} value, for the plugin's goals and for tracked tests alike: a SQLite file
 * (relative to the project), a {@code jdbc:sqlite:} URL, a {@code jdbc:postgresql:} URL (without a password: that
 * comes from {@link HistoryCredentials}), or {@code off}.
 *
 * @param value a file path (absolute) or a JDBC URL
 */
public record HistoryLocation(String value) {
    /** Where the history is kept when nothing is said: beside the pom, outside {@code target/}. */
    public static final String DEFAULT = ".perf/history.db";

    /**
     * @param configured the property's value; blank means {@link #DEFAULT}
     * @param project    the folder a relative path starts from
     * @return the location, or {@code null} when the history is off ({@code off} or {@code false})
     * @throws IllegalArgumentException naming perf.history, the value and what is valid
     */
    public static HistoryLocation parse(String configured, Path project) {
        String value = configured == null || configured.isBlank() ? DEFAULT : configured.trim();
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
            return null;
        }
        if (value.startsWith("jdbc:")) {
            if (isPostgres(value)) {
                if (value.toLowerCase(Locale.ROOT).matches(".*[?&]\\w*password=.*")) {
                    // the value would be in the build log and the shell's history; it is not quoted here either
                    throw new IllegalArgumentException("perf.history is a PostgreSQL URL with a password in it, which "
                            + "would be on the command line and in logs: give " + server(value) + " without it, and "
                            + "the password in the environment variable " + HistoryCredentials.PASSWORD
                            + " (or a settings.xml server named by perf.historyServer)");
                }
                return new HistoryLocation(value);
            }
            if (!value.startsWith("jdbc:sqlite:")) {
                throw new IllegalArgumentException("perf.history='" + Printable.quoted(value) + "' is not valid: "
                        + "give a SQLite file's path, a jdbc:sqlite: URL, a jdbc:postgresql://host:port/database URL, "
                        + "or off");
            }
            return new HistoryLocation(value);
        }
        try {
            return new HistoryLocation(project.resolve(value).toAbsolutePath().toString());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("perf.history='" + Printable.quoted(value) + "' is not a file path ("
                    + e.getReason() + "); give the SQLite file's path, a jdbc:sqlite: URL, or off");
        }
    }

    /** Whether the location is a JDBC URL rather than a file. */
    public boolean isUrl() {
        return isUrl(value);
    }

    /** Whether there is a history to read: the file exists (a URL is assumed to). */
    public boolean exists() {
        return isUrl() || Files.isRegularFile(Path.of(value));
    }

    static boolean isUrl(String location) {
        return location.startsWith("jdbc:");
    }

    /** Whether the location is a PostgreSQL server's. */
    public static boolean isPostgres(String location) {
        return location.startsWith("jdbc:postgresql:");
    }

    /** A server URL without its parameters, for messages: {@code jdbc:postgresql://db:5432/perf}. */
    public static String server(String location) {
        int parameters = location.indexOf('?');
        return parameters < 0 ? location : location.substring(0, parameters);
    }

    @Override
    public String toString() {
        return value;
    }
}
