package dev.perf.history;

import org.postgresql.Driver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The history on a PostgreSQL server, shared by every CI runner and branch of a team. The same SQL as SQLite's
 * ({@link SqlHistoryStore}); many processes write at once, each run in its own transaction; the schema is migrated on
 * connect under an advisory lock ({@link PostgresSchema}). The credentials come from {@link HistoryCredentials}; a
 * URL carrying a password is refused before it gets here ({@link HistoryLocation}).
 */
public final class PostgresHistoryStore extends SqlHistoryStore {
    /** Seconds to wait for the server to answer a connection, and for each query or write. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;
    static final int SOCKET_TIMEOUT_SECONDS = 120;

    private PostgresHistoryStore(Connection connection, String location) {
        super(connection, location);
    }

    /**
     * Connects and migrates the history.
     *
     * @param location a {@code jdbc:postgresql:} URL without credentials
     * @throws SQLException naming the server (host and port, never the credentials) and what went wrong
     */
    public static PostgresHistoryStore open(String location, HistoryCredentials credentials) throws SQLException {
        Properties properties = new Properties();
        if (credentials.user() != null) {
            properties.setProperty("user", credentials.user());
        }
        if (credentials.password() != null) {
            properties.setProperty("password", credentials.password());
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "perf");
        Connection connection;
        try {
            // the driver itself rather than DriverManager, which does not see drivers of a Maven plugin's class loader
            connection = new Driver().connect(location, properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + HistoryLocation.server(location) + " (" + credentials + "): "
                    + e.getMessage(), e.getSQLState(), e);
        }
        if (connection == null) {
            throw new SQLException(location + " is not a PostgreSQL URL (jdbc:postgresql://host:port/database)");
        }
        return new PostgresHistoryStore(migrated(connection, location, PostgresSchema.VERSIONING), location);
    }
}
