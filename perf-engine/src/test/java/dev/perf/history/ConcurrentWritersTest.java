package dev.perf.history;

import dev.perf.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Several processes writing one history, and one killed while writing. */
@Timeout(240)
class ConcurrentWritersTest {
    @TempDir
    Path dir;

    /** Records {@code args[2]} runs named {@code args[1]}-N into the history {@code args[0]}, then exits. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            int runs = Integer.parseInt(args[2]);
            try (HistoryStore store = HistoryStore.open(args[0])) {
                long[] values = new long[2000];
                for (int i = 0; i < values.length; i++) {
                    values[i] = 1000 + i * 37L;
                }
                for (int i = 0; i < runs; i++) {
                    store.record(Runs.run(args[1] + "-" + i, "s", Instant.now(), values));
                }
            }
        }
    }

    private Process writer(String db, String name, int runs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), db, name, Integer.toString(runs))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        // a server history's credentials, from the environment as a CI runner gives them
        builder.environment().put(HistoryCredentials.USER, PostgresServer.USER);
        builder.environment().put(HistoryCredentials.PASSWORD, PostgresServer.PASSWORD);
        return builder.start();
    }

    private static long pgScalar(String url, String sql) throws Exception {
        try (var c = PostgresServer.shared().connect(url.substring(url.lastIndexOf('/') + 1));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Eight builds on different hosts recording into one PostgreSQL history at once, one killed mid-write. */
    @Test
    void eightProcessesWritingToPostgresAllLandAndAKilledOneLeavesNoPartialRun() throws Exception {
        String url = PostgresServer.shared().newDatabase();
        // created first, so that the test can count while they write (creating it at once: PostgresHistoryStoreTest)
        HistoryStore.open(url, new HistoryCredentials(PostgresServer.USER, PostgresServer.PASSWORD)).close();
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(writer(url, "host" + i, 15));
        }
        Process victim = writer(url, "victim", 100_000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && pgScalar(url, "SELECT count(*) FROM runs WHERE run_id LIKE 'victim-%'")
                < 10) {
            Thread.sleep(50);
        }
        victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (Process p : writers) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(p.toString()).isZero();
        }
        assertThat(pgScalar(url, "SELECT count(*) FROM runs WHERE run_id LIKE 'host%'")).isEqualTo(8 * 15);
        assertThat(pgScalar(url, "SELECT count(*) FROM runs WHERE run_id LIKE 'victim-%'")).isGreaterThanOrEqualTo(10);
        // every run there is whole: both of its figures rows
        assertThat(pgScalar(url, "SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM figures f WHERE f.run = r.id)"
                + " <> 2")).isZero();
    }

    private static long scalar(String db, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String text(String db, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    /** Runs written so far; 0 while the writer has not created the schema yet. */
    private long runsSoFar(String db) {
        if (!dir.resolve("history.db").toFile().exists()) {
            return 0;
        }
        try {
            return scalar(db, "SELECT count(*) FROM runs");
        } catch (Exception notYet) {
            return 0;
        }
    }

    @Test
    void threeProcessesWritingAtOnceAllLand() throws Exception {
        String db = dir.resolve("history.db").toString();
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            writers.add(writer(db, name, 30));
        }
        for (Process p : writers) {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(p.toString()).isZero();
        }
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(90);
        assertThat(scalar(db, "SELECT count(*) FROM figures")).isEqualTo(180);
        assertThat(text(db, "PRAGMA integrity_check")).isEqualTo("ok");
    }

    @Test
    void aWriterKilledMidWriteLeavesAnIntactDatabaseAndNoPartialRun() throws Exception {
        String db = dir.resolve("history.db").toString();
        Process victim = writer(db, "victim", 100_000);
        // let it write for a while, then kill it without warning
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && runsSoFar(db) < 20) {
            Thread.sleep(50);
        }
        victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThat(text(db, "PRAGMA integrity_check")).isEqualTo("ok");
        long runs = scalar(db, "SELECT count(*) FROM runs");
        assertThat(runs).isGreaterThanOrEqualTo(20);
        // every run that is there is whole: its figures, series rows and all
        assertThat(scalar(db, "SELECT count(*) FROM runs r WHERE (SELECT count(*) FROM figures f WHERE f.run = r.id) <> 2"))
                .isZero();
        // and the history is still writable
        try (HistoryStore store = HistoryStore.open(db)) {
            store.record(Runs.run("after", "s", Instant.now(), 1000));
        }
        assertThat(scalar(db, "SELECT count(*) FROM runs")).isEqualTo(runs + 1);
    }
}
