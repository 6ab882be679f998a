package dev.perf.run;

import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class TargetProcessTest {
    @TempDir
    Path dir;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void refusesToStartWhenSomethingAlreadyAnswersAtTheReadyUrl() throws Exception {
        try (TestServer stale = new TestServer()) {
            assertThatThrownBy(() -> TargetProcess.start(List.of(java(), "-version"), dir, dir.resolve("t.log"),
                    URI.create(stale.baseUrl() + "/health"), Duration.ofSeconds(5)))
                    .isInstanceOf(PerfSetupException.class)
                    .hasMessageContaining("something already answers at");
        }
    }

    @Test
    void aTargetThatExitsBeforeItIsReadyIsReportedWithItsOutput() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThatThrownBy(() -> TargetProcess.start(List.of(java(), "-version"), dir, dir.resolve("t.log"),
                URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(20)))
                .isInstanceOf(PerfSetupException.class)
                .hasMessageContaining("exited with code 0 before answering")
                .hasMessageContaining("version");
        assertThat(dir.resolve("t.log")).exists();
    }

    @Test
    void ctrlCWhileTheTargetStartsGivesUpAtOnceAndStopsIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // a "service" that never answers: a JVM that sleeps
        java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                return;
            }
            stopped.set(true);
        });
        ctrlC.start();
        long start = System.nanoTime();
        assertThatThrownBy(() -> TargetProcess.start(List.of(java(), "-cp", System.getProperty("java.class.path"),
                        Sleeper.class.getName()), dir, dir.resolve("t.log"), URI.create("http://127.0.0.1:" + port + "/"),
                Duration.ofMinutes(5), stopped::get))
                .isInstanceOf(PerfSetupException.class)
                .hasMessageContaining("stopped while waiting for the target");
        // what the code decided: it gave up on the stop, long before the five-minute ready timeout
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("")
                .contains(Sleeper.class.getName())).toList()).as("the target was stopped").isEmpty();
    }

    /** A target that starts and never answers. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(600_000);
        }
    }
}
