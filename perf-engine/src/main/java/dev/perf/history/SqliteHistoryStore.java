package dev.perf.history;

import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The history in SQLite, the embedded default. WAL and a busy timeout let several builds write the same file one
 * after the other; each run is one {@code BEGIN IMMEDIATE} transaction. Not for network filesystems: SQLite's WAL
 * needs shared memory that NFS and SMB do not give (keep the file on a local disk, as {@code .perf/history.db} under
 * the project is; a team shares a PostgreSQL history instead).
 */
public final class SqliteHistoryStore extends SqlHistoryStore {
    static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private SqliteHistoryStore(Connection connection, String location) {
        super(connection, location);
    }

    /**
     * Opens (creating it if needed) and migrates the history.
     *
     * @param location a file path, or a {@code jdbc:sqlite:} URL
     */
    public static SqliteHistoryStore open(String location) throws SQLException {
        String url = HistoryLocation.isUrl(location) ? location : "jdbc:sqlite:" + location;
        if (!HistoryLocation.isUrl(location)) {
            try {
                Path parent = Path.of(location).toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new SQLException("cannot create the folder of the history " + location + ": " + e.getMessage(), e);
            }
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        Connection connection = config.createConnection(url);
        return new SqliteHistoryStore(migrated(connection, location, Schema.SQLITE), location);
    }
}
