package dev.perf.history;

import java.util.Map;

/**
 * Who a server history is opened as. Never on the command line and never printed: from the environment
 * ({@value #USER} and {@value #PASSWORD}, else PostgreSQL's own {@code PGUSER} and {@code PGPASSWORD}), or from a
 * Maven {@code settings.xml} server the plugin reads.
 *
 * @param user     {@code null}: the driver's default (the operating system's user)
 * @param password {@code null}: none (trust, or a client certificate)
 */
public record HistoryCredentials(String user, String password) {
    public static final String USER = "PERF_HISTORY_USER";
    public static final String PASSWORD = "PERF_HISTORY_PASSWORD";
    public static final HistoryCredentials NONE = new HistoryCredentials(null, null);

    public static HistoryCredentials fromEnvironment(Map<String, String> environment) {
        return new HistoryCredentials(first(environment, USER, "PGUSER"), first(environment, PASSWORD, "PGPASSWORD"));
    }

    private static String first(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        if (value == null || value.isEmpty()) {
            value = environment.get(fallback);
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** Names the user, never the password. */
    @Override
    public String toString() {
        return "user " + (user == null ? "(default)" : user) + (password == null ? ", no password" : ", a password");
    }
}
