package dev.perf.history;

import dev.perf.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL history against a real server the test starts (initdb, pg_ctl on a free loopback port): the
 * contract every backend passes, and what is the server's own (migration under a lock, a newer schema, credentials,
 * an unreachable server).
 */
@Timeout(180)
class PostgresHistoryStoreTest extends HistoryStoreContract {
    private static final HistoryCredentials CREDENTIALS = new HistoryCredentials(PostgresServer.USER,
            PostgresServer.PASSWORD);
    private static final Instant DAY1 = Instant.parse("2026-11-20T10:00:00Z");
    @TempDir
    Path dir;

    @Override
    protected HistoryStore open() throws Exception {
        return HistoryStore.open(PostgresServer.shared().newDatabase(), CREDENTIALS);
    }

    private static long scalar(String url, String sql) throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = PostgresServer.shared().connect(database); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : -1;
        }
    }

    @Test
    void severalRunnersConnectingToANewDatabaseAtOnceCreateItOnce() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Void>> opened = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                opened.add(pool.submit((Callable<Void>) () -> {
                    try (HistoryStore store = HistoryStore.open(url, CREDENTIALS)) {
                        store.record(Runs.run("r" + n, "s", DAY1.plusSeconds(n), 1000, 2000));
                    }
                    return null;
                }));
            }
            for (Future<Void> f : opened) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(scalar(url, "SELECT version FROM perf_schema")).isEqualTo(Schema.STEPS.size());
        assertThat(scalar(url, "SELECT count(*) FROM perf_schema")).isEqualTo(1);
        assertThat(scalar(url, "SELECT count(*) FROM runs")).isEqualTo(6);
    }

    @Test
    void aNewerSchemaIsRefusedAndLeftAlone() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        try (HistoryStore store = HistoryStore.open(url, CREDENTIALS)) {
            store.record(Runs.run("r1", "s", DAY1, 1000));
        }
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = PostgresServer.shared().connect(database); Statement s = c.createStatement()) {
            s.execute("UPDATE perf_schema SET version = " + (Schema.STEPS.size() + 1));
        }
        assertThatThrownBy(() -> HistoryStore.open(url, CREDENTIALS)).isInstanceOf(SQLException.class)
                .hasMessageContaining("newer than this perf knows");
        assertThat(scalar(url, "SELECT count(*) FROM runs")).isEqualTo(1);
    }

    @Test
    void aConnectionLostMidWriteRollsTheRunBackWithAClearError() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (HistoryStore store = HistoryStore.open(url, CREDENTIALS);
             Connection admin = PostgresServer.shared().connect(database); Statement s = admin.createStatement()) {
            store.record(Runs.run("before", "s", DAY1, 1000));
            // the write stops half-way (the run and its figures inserted, its documents not yet) and the connection is
            // cut there, as a database restart or a network failure would
            s.execute("CREATE FUNCTION stall() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(30); RETURN NEW; END $$ "
                    + "LANGUAGE plpgsql");
            s.execute("CREATE TRIGGER stall BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION stall()");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> write = pool.submit(() -> {
                    store.record(Runs.withDocument(Runs.run("cut", "s", DAY1.plusSeconds(60), 1000), "summary.json",
                            "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    return null;
                });
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && scalar(url, "SELECT count(*) FROM pg_stat_activity WHERE "
                        + "application_name = 'perf' AND query LIKE 'INSERT INTO documents%'") == 0) {
                    Thread.sleep(20);
                }
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'perf' "
                        + "AND datname = current_database()");
                assertThatThrownBy(write::get).hasCauseInstanceOf(SQLException.class)
                        .hasMessageContaining("terminating connection");
            } finally {
                pool.shutdownNow();
            }
            s.execute("DROP TRIGGER stall ON documents");
        }
        assertThat(scalar(url, "SELECT count(*) FROM runs")).as("the cut run left nothing behind").isEqualTo(1);
        assertThat(scalar(url, "SELECT count(*) FROM figures")).isEqualTo(2);
        try (HistoryStore store = HistoryStore.open(url, CREDENTIALS)) {
            store.record(Runs.run("after", "s", DAY1.plusSeconds(120), 1000));
        }
        assertThat(scalar(url, "SELECT count(*) FROM runs")).isEqualTo(2);
    }

    @Test
    void aSqliteHistoryIsCopiedWholeOnceAndASecondCopyAddsNothing() throws Exception {
        String sqlite = dir.resolve(".perf/history.db").toString();
        try (HistoryStore local = HistoryStore.open(sqlite)) {
            for (int i = 0; i < 3; i++) {
                local.record(Runs.withDocument(Runs.run("local-" + i, "checkout", DAY1.plusSeconds(i * 3600L), 1000,
                        2000 + i, 3000), "summary.json", ("{\"run\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
        }
        String url = PostgresServer.shared().newDatabase();
        try (HistoryStore local = HistoryStore.open(sqlite); HistoryStore shared = HistoryStore.open(url, CREDENTIALS)) {
            shared.record(Runs.run("shared-0", "checkout", DAY1.minusSeconds(3600), 1500));
            assertThat(shared.copyFrom(local)).isEqualTo(3);
            assertThat(shared.copyFrom(local)).as("a second copy").isZero();
            Instant now = DAY1.plusSeconds(86_400);
            HistoryQuery copied = new HistoryQuery(shared);
            HistoryQuery original = new HistoryQuery(local);
            assertThat(copied.trend("checkout", "ALL", 0, 0, HistoryQuery.Grouping.RUN, now)).hasSize(4);
            assertThat(copied.trend("checkout", "get", 0, 0, HistoryQuery.Grouping.RUN, now).subList(1, 4))
                    .usingRecursiveComparison().isEqualTo(original.trend("checkout", "get", 0, 0,
                            HistoryQuery.Grouping.RUN, now));
            assertThat(new String(shared.document("local-2", "summary.json"), StandardCharsets.UTF_8))
                    .isEqualTo("{\"run\": 2}");
        }
        assertThat(scalar(url, "SELECT count(*) FROM runs")).isEqualTo(4);
        assertThat(scalar(url, "SELECT count(*) FROM figures")).isEqualTo(8);
    }

    @Test
    void theSchemaHasTheSameVersionsAsSqlites() {
        assertThat(PostgresSchema.STEPS).hasSameSizeAs(Schema.STEPS);
    }

    @Test
    void wrongCredentialsAndAnUnreachableServerSayWhichServerAndNeverThePassword() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        assertThatThrownBy(() -> HistoryStore.open(url, new HistoryCredentials(PostgresServer.USER, "wrong-Pa55")))
                .isInstanceOf(SQLException.class).hasMessageContaining("127.0.0.1:" + PostgresServer.shared().port())
                .hasMessageContaining("password authentication failed").hasMessageNotContaining("wrong-Pa55");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:" + closed + "/perf";
        assertThatThrownBy(() -> HistoryStore.open(nowhere, CREDENTIALS)).isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1:" + closed).hasMessageNotContaining(PostgresServer.PASSWORD);
    }
}
