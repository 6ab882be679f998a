package dev.perf.history;

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
@Timeout(120)
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
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Writer.class.getName(), db, name, Integer.toString(runs))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
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
