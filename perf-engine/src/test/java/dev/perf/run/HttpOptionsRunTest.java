package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.perf.engine.EngineOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP client's options under defaults: redirects, compression, timeouts, the pool limit and a proxy. */
@Timeout(60)
class HttpOptionsRunTest {
    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "options-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String path = exchange.getRequestURI().getPath();
                seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Accept-Encoding"));
                byte[] body = "{\"name\":\"Ada Lovelace\"}".getBytes(StandardCharsets.UTF_8);
                switch (path) {
                    case "/old" -> {
                        exchange.getResponseHeaders().set("Location", "/new");
                        exchange.sendResponseHeaders(302, -1);
                        return;
                    }
                    case "/slow" -> sleep(400);
                    case "/gzip" -> {
                        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
                        if (accepted != null && accepted.contains("gzip")) {
                            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                                gzip.write(body);
                            }
                            body = zipped.toByteArray();
                            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                        }
                    }
                    default -> sleep(path.equals("/pooled") ? 20 : 0);
                }
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonNode run(String baseUrl, String defaults, String request, String load) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/options.yaml"), """
                target: { baseUrl: "%s" }
                defaults: %s
                requests: [ %s ]
                load: %s
                monitor: { enabled: false }
                """.formatted(baseUrl, defaults, request, load));
        RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                dir.resolve("out"), null, Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
        assertThat(report.invalid()).isEmpty();
        return new ObjectMapper().readTree(report.outcomes().get(0).runDirectory().resolve("summary.json").toFile());
    }

    private String local() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void redirectsAreReportedByDefaultAndFollowedWhenAsked() throws Exception {
        JsonNode reported = run(local(), "{}", "{ name: old, path: /old, expect: { status: 302 } }",
                "{ concurrency: 1, iterations: 3 }");
        assertThat(reported.path("overall").path("ok").asLong()).isEqualTo(3);
        seen.clear();
        JsonNode followed = run(local(), "{ followRedirects: true }", "{ name: old, path: /old, check: [ { bodyContains: Ada } ] }",
                "{ concurrency: 1, iterations: 3 }");
        assertThat(followed.path("overall").path("ok").asLong()).isEqualTo(3);
        assertThat(followed.path("overall").path("statusCodes").has("200")).isTrue();
        assertThat(seen).filteredOn(l -> l.startsWith("/new")).hasSize(3);
    }

    @Test
    void compressionAsksForGzipAndChecksSeeTheDecompressedBody() throws Exception {
        JsonNode plain = run(local(), "{}", "{ name: gz, path: /gzip, check: [ { json: $.name, equals: Ada Lovelace } ] }",
                "{ concurrency: 1, iterations: 2 }");
        assertThat(plain.path("overall").path("ok").asLong()).isEqualTo(2);
        assertThat(seen).allMatch(l -> l.endsWith(" null"));
        seen.clear();
        JsonNode compressed = run(local(), "{ compression: true }",
                "{ name: gz, path: /gzip, check: [ { json: $.name, equals: Ada Lovelace } ] }", "{ concurrency: 1, iterations: 2 }");
        assertThat(compressed.path("overall").path("ok").asLong()).isEqualTo(2);
        assertThat(seen).allMatch(l -> l.contains("gzip"));
    }

    @Test
    void aReadTimeoutFailsSlowResponsesAsTimeouts() throws Exception {
        JsonNode summary = run(local(), "{ timeout: 5s, readTimeout: 100ms }", "{ name: slow, path: /slow }",
                "{ concurrency: 1, iterations: 2 }");
        assertThat(summary.path("overall").path("errors").path("timeout").path("count").asLong()).isEqualTo(2);
    }

    @Test
    void thePoolLimitCapsConnectionsAndASendBeyondItFailsAtOnce() throws Exception {
        JsonNode within = run(local(), "{ maxConnections: 2 }", "{ name: pooled, path: /pooled }",
                "{ concurrency: 2, iterations: 40 }");
        assertThat(within.path("overall").path("ok").asLong()).isEqualTo(40);
        assertThat(within.path("generator").path("connectionsOpened").asLong()).isLessThanOrEqualTo(2);
        JsonNode beyond = run(local(), "{ maxConnections: 1 }", "{ name: pooled, path: /pooled }",
                "{ rate: 100/s, duration: 200ms }");
        assertThat(beyond.path("generator").path("connectionsOpened").asLong()).isEqualTo(1);
        assertThat(beyond.path("overall").path("errors").toString()).containsIgnoringCase("too many connections");
    }

    @Test
    void aProxyReceivesTheRequestsForTheTarget() throws Exception {
        // nothing listens on 127.0.0.2:9; the local server, as the proxy, answers
        JsonNode summary = run("http://127.0.0.2:9", "{ proxy: \"" + local() + "\" }", "{ name: via-proxy, path: /p }",
                "{ concurrency: 1, iterations: 3 }");
        assertThat(summary.path("overall").path("ok").asLong()).isEqualTo(3);
        assertThat(seen).hasSize(3).allMatch(l -> l.startsWith("http://127.0.0.2:9/p"));
    }
}
