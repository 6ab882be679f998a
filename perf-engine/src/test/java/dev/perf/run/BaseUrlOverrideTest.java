package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code -Dperf.baseUrl} aims every scenario at another server. */
class BaseUrlOverrideTest {
    @TempDir
    Path dir;

    private RunOptions options(String override) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("s.yaml"), """
                target: { baseUrl: "http://127.0.0.1:9/nowhere" }
                requests: [ { name: home, path: /home } ]
                load: { concurrency: 1, iterations: 5 }
                thresholds: [ "success-rate == 100%" ]
                """);
        return new RunOptions(scenarios, null, dir.resolve("out"), override, Map.of(), Map.of(),
                EngineOptions.defaults().withIoThreads(1), null);
    }

    @Test
    void sendsToTheOverrideInsteadOfTheScenariosBaseUrl() throws Exception {
        try (TestServer server = new TestServer()) {
            RunReport report = new PerfRunner(Console.SYSTEM).run(options(server.baseUrl() + "/"));
            assertThat(report.passed()).isTrue();
            assertThat(server.requestCount()).isEqualTo(5);
        }
    }

    @Test
    void aBadOverrideIsAClearError() {
        assertThatThrownBy(() -> new PerfRunner(Console.SYSTEM).run(options("localhost:8080")))
                .isInstanceOf(PerfSetupException.class)
                .hasMessageContaining("perf.baseUrl: 'localhost:8080' is not valid; expected an absolute http:// or https:// URL");
    }
}
