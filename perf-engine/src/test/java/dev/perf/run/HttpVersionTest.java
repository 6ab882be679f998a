package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.result.RunResult;
import dev.perf.report.ResultJson;
import dev.perf.testing.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code defaults.http.version} against Debian's nginx speaking HTTP/2: by prior knowledge on cleartext (h2c) and by
 * ALPN over TLS. The protocol each response came over is counted, and nginx's own access log agrees.
 */
@Timeout(120)
class HttpVersionTest {
    @TempDir
    Path dir;
    private RecordingConsole console;

    private RunResult run(String name, String baseUrl, String version) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve(name));
        Files.writeString(scenarios.resolve(name + ".yaml"), """
                name: %s
                target: { baseUrl: "%s" }
                defaults: { tls: { insecure: true }%s }
                requests: [ { name: home, path: /%s } ]
                load: { concurrency: 4, iterations: 40 }
                monitor: { enabled: false }
                """.formatted(name, baseUrl, version == null ? "" : ", http: { version: " + version + " }", name));
        console = new RecordingConsole();
        RunReport report = new PerfRunner(console).run(new RunOptions(scenarios, null, dir.resolve(name + "-out"), null,
                Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
        assertThat(report.invalid()).isEmpty();
        return ResultJson.read(report.outcomes().get(0).runDirectory().resolve("summary.json"), RunResult.class);
    }

    @Test
    void http2ByPriorKnowledgeOnCleartextAndByAlpnOverTls() throws Exception {
        try (NginxServer nginx = NginxServer.start(dir.resolve("nginx"))) {
            RunResult h2c = run("h2c", "http://127.0.0.1:" + nginx.h2cPort(), "2");
            assertThat(h2c.overall().ok()).isEqualTo(40);
            assertThat(h2c.overall().protocols()).isEqualTo(Map.of("HTTP/2", 40L));
            assertThat(h2c.requests().get(0).protocols()).isEqualTo(Map.of("HTTP/2", 40L));
            assertThat(h2c.overall().phases()).as("the HTTP/2 client reports no write: no send phase, ttfb from "
                    + "the request's hand-over to the connection").doesNotContainKey("send").doesNotContainKey("tls");
            assertThat(h2c.overall().phases().get("ttfb").count()).isEqualTo(40);
            assertThat(h2c.overall().phases().get("receive").count()).isEqualTo(40);
            assertThat(console.lines).anyMatch(l -> l.startsWith("  connections: ")
                    && l.contains("; responses over HTTP/2 40 (") && l.contains("HTTP/2 requests per connection opened"));

            RunResult alpn = run("alpn", "https://127.0.0.1:" + nginx.tlsPort(), "auto");
            assertThat(alpn.overall().protocols()).isEqualTo(Map.of("HTTP/2", 40L));
            assertThat(alpn.overall().phases().get("tls").count()).as("one handshake per connection opened")
                    .isEqualTo(alpn.overall().phases().get("connect").count()).isPositive();

            RunResult plain = run("plain", "https://127.0.0.1:" + nginx.tlsPort(), null);
            assertThat(plain.overall().protocols()).as("HTTP/1.1 by default, as before")
                    .isEqualTo(Map.of("HTTP/1.1", 40L));

            List<String> log = nginx.accessLog();
            assertThat(log).as("nginx's own log").filteredOn(l -> l.contains("/h2c ")).hasSize(40)
                    .allMatch(l -> l.startsWith("HTTP/2.0 GET /h2c 200"));
            assertThat(log).filteredOn(l -> l.contains("/alpn ")).hasSize(40).allMatch(l -> l.startsWith("HTTP/2.0 "));
            assertThat(log).filteredOn(l -> l.contains("/plain ")).hasSize(40).allMatch(l -> l.startsWith("HTTP/1.1 "));
        }
    }

    @Test
    void aRequestMayAskForItsOwnVersion() throws Exception {
        try (NginxServer nginx = NginxServer.start(dir.resolve("nginx"))) {
            Path scenarios = Files.createDirectories(dir.resolve("mixed"));
            Files.writeString(scenarios.resolve("mixed.yaml"), """
                    name: mixed
                    target: { baseUrl: "https://127.0.0.1:%d" }
                    defaults: { tls: { insecure: true } }
                    requests:
                      - { name: over-h2, path: /h2, http: { version: 2 } }
                      - { name: over-h1, path: /h1 }
                    load: { concurrency: 2, iterations: 40 }
                    monitor: { enabled: false }
                    """.formatted(nginx.tlsPort()));
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null,
                    dir.resolve("mixed-out"), null, Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
            RunResult result = ResultJson.read(report.outcomes().get(0).runDirectory().resolve("summary.json"),
                    RunResult.class);
            var h2 = result.requests().get(0);
            var h1 = result.requests().get(1);
            assertThat(h2.protocols()).containsOnlyKeys("HTTP/2").containsEntry("HTTP/2", h2.count());
            assertThat(h1.protocols()).containsOnlyKeys("HTTP/1.1").containsEntry("HTTP/1.1", h1.count());
            assertThat(h2.count() + h1.count()).isEqualTo(40);
            assertThat(nginx.accessLog()).filteredOn(l -> l.contains("/h2 ")).allMatch(l -> l.startsWith("HTTP/2.0 "));
            assertThat(nginx.accessLog()).filteredOn(l -> l.contains("/h1 ")).allMatch(l -> l.startsWith("HTTP/1.1 "));
        }
        assertThat(problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: home, path: /, http: { version: h3 } } ]
                load: { rate: 1/s, duration: 1s }
                """).getMessage()).contains("requests[0].http.version: 'h3' is not valid; valid: 1.1");
    }

    @Test
    void anUnknownVersionIsAnErrorWithWhatIsValid() {
        String message = problems("""
                target: { baseUrl: http://localhost }
                defaults: { http: { version: 3, pipelining: true } }
                requests: [ { name: home, path: / } ]
                load: { rate: 1/s, duration: 1s }
                """).getMessage();
        assertThat(message).contains("2:30: defaults.http.version: '3' is not valid; valid: 1.1 (the default), 2 "
                + "(HTTP/2: by ALPN over TLS, by prior knowledge on cleartext), auto");
        assertThat(message).contains("defaults.http.pipelining");
    }
}
