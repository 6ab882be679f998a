package dev.perf.run;

import dev.perf.analysis.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.perf.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hostile or broken target sends cannot fool a check, grow a user's cookies or write to the terminal. */
@Timeout(60)
class HostileTargetRunTest {
    @TempDir
    Path dir;

    private RunReport run(String yaml, int port, RecordingConsole console) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("s.yaml"), yaml.replace("BASE", "http://127.0.0.1:" + port));
        return new PerfRunner(console).run(new RunOptions(scenarios, null, dir.resolve("out"), null, Map.of(), Map.of(),
                EngineOptions.defaults().withIoThreads(1), null));
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "hostile-target");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", handler);
        server.start();
        return server;
    }

    @Test
    void aTextPastTheFirstFourMegabytesIsFoundAndARegexThatCouldNotSeeItIsNotJudged() throws Exception {
        byte[] body = new byte[5 * 1024 * 1024 + 17];
        java.util.Arrays.fill(body, (byte) 'a');
        byte[] needle = "NEEDLE-AT-THE-END".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(needle, 0, body, body.length - needle.length - 3, needle.length);
        HttpServer server = server(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 8191) { // parts that split the needle somewhere
                    out.write(body, at, Math.min(8191, body.length - at));
                }
            }
        });
        try {
            RunReport report = run("""
                    target: { baseUrl: BASE }
                    requests:
                      - name: big
                        path: /
                        check: [ { bodyContains: NEEDLE-AT-THE-END }, { bodyMatches: "NEEDLE-AT-[A-Z]+" } ]
                    load: { concurrency: 1, iterations: 3 }
                    """, server.getAddress().getPort(), new RecordingConsole());
            ScenarioOutcome outcome = report.outcomes().get(0);
            // contains read the whole body and found it: no request failed
            assertThat(outcome.run().metrics().overall().ok()).isEqualTo(3);
            assertThat(outcome.run().metrics().byRequest().get("big").checkFailures()).isEmpty();
            assertThat(outcome.run().metrics().byRequest().get("big").checksNotJudged())
                    .containsExactly(Map.entry("body matches NEEDLE-AT-[A-Z]+", 3L));
            assertThat(outcome.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
            assertThat(outcome.inconclusive()).singleElement().asString()
                    .contains("checks-not-judged <= 0 (default gate)", "3 check(s) found nothing in the first 4 MiB");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aTargetThatSetsANewCookieOnEveryResponseCannotGrowTheCookieHeaderWithoutLimit() throws Exception {
        AtomicInteger responses = new AtomicInteger();
        List<Integer> cookiesSent = new CopyOnWriteArrayList<>();
        HttpServer server = server(exchange -> {
            exchange.getRequestBody().readAllBytes();
            String cookie = exchange.getRequestHeaders().getFirst("Cookie");
            cookiesSent.add(cookie == null ? 0 : cookie.split("; ").length);
            int n = responses.incrementAndGet();
            exchange.getResponseHeaders().add("Set-Cookie", "c" + n + "=" + "v".repeat(100) + "; Path=/");
            // one a browser would refuse: larger than 4096 bytes
            exchange.getResponseHeaders().add("Set-Cookie", "huge=" + "x".repeat(5000));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        try {
            RunReport report = run("""
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 1, iterations: 120 }
                    """, server.getAddress().getPort(), new RecordingConsole());
            assertThat(report.outcomes().get(0).run().metrics().overall().ok()).isEqualTo(120);
            assertThat(cookiesSent).hasSize(120);
            assertThat(cookiesSent.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(50);
            assertThat(cookiesSent.get(119)).isEqualTo(50);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void terminalEscapesAndNulBytesFromTheTargetReachNoOutputRaw() throws Exception {
        byte[] answer = "HTTP/1.1 2\u001b[2J\u0000\u0007OWNED\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket client = socket.accept()) {
                        InputStream in = client.getInputStream();
                        byte[] buffer = new byte[4096];
                        in.read(buffer);
                        client.getOutputStream().write(answer);
                        client.getOutputStream().flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "raw-target");
            acceptor.setDaemon(true);
            acceptor.start();
            RecordingConsole console = new RecordingConsole();
            RunReport report = run("""
                    name: "escapes"
                    target: { baseUrl: BASE }
                    requests: [ { name: home, path: / } ]
                    load: { concurrency: 1, iterations: 5 }
                    """, socket.getLocalPort(), console);
            assertThat(report.outcomes().get(0).run().metrics().overall().failed()).isEqualTo(5);
            assertThat(String.join("\n", console.lines)).doesNotContain("\u001b", "\u0000", "\u0007");
            try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".hlog")).toList()) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    assertThat(text).as(file.toString()).doesNotContain("\u001b", "\u0000", "\u0007");
                }
            }
            // still well-formed XML, and the JSON holds the escaped text
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("out/junit.xml").toFile());
            JsonNode index = new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
            assertThat(index.get("runs")).hasSize(1);
            // the target's text is there, escaped
            assertThat(String.join("\n", console.lines)).contains("2\\u001b[2J\\u0000\\u0007OWNED");
        }
    }
}
