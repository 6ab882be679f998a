package dev.perf.junit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Several test JVMs (Surefire's or Failsafe's forks) write one history at once, and every run lands. */
@Timeout(120)
class ForksTest {
    private static final int FORKS = 4;
    private static final int RUNS_PER_FORK = 5;

    @TempDir
    Path folder;

    @Test
    void concurrentForksAllLand() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> forks = new ArrayList<>();
        for (int i = 0; i < FORKS; i++) {
            forks.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ForkMain.class.getName(), folder.toString(), Integer.toString(RUNS_PER_FORK))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("fork-" + i + ".log").toFile()).start());
        }
        for (Process fork : forks) {
            assertThat(fork.waitFor(100, TimeUnit.SECONDS)).isTrue();
            assertThat(fork.exitValue()).as(Files.readString(folder.resolve("fork-" + forks.indexOf(fork) + ".log")))
                    .isZero();
        }

        int runs = FORKS * RUNS_PER_FORK;
        assertThat(Fixtures.scalar(folder, "SELECT count(*) FROM runs WHERE scenario = 'ForkedWork'")).isEqualTo(runs);
        assertThat(Fixtures.scalar(folder, "SELECT count(DISTINCT run_id) FROM runs")).isEqualTo(runs);
        assertThat(Fixtures.scalar(folder, "SELECT sum(count) FROM figures WHERE request = 'step' AND stage = -1"))
                .isEqualTo(runs * 100);
        assertThat(Fixtures.scalar(folder, "SELECT count(*) FROM documents WHERE name = 'summary.json'")).isEqualTo(runs);
    }
}
