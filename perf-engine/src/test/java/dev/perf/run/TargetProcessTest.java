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
}
