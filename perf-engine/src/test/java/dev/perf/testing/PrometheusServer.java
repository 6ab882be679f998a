package dev.perf.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Prometheus for tests, started with its own configuration and storage in a temp folder on a free loopback
 * port, scraping one target on 127.0.0.1 every {@code scrapeInterval}. Without Prometheus the test is skipped with a
 * message; under CI ({@code CI=true}) it fails instead.
 */
public final class PrometheusServer implements AutoCloseable {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private final Process process;
    private final Path dir;
    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private PrometheusServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Starts Prometheus in {@code dir}, scraping {@code 127.0.0.1:targetPort/metrics}. */
    public static PrometheusServer start(Path dir, int targetPort, String scrapeInterval) throws Exception {
        if (!Files.isExecutable(PROMETHEUS)) {
            String why = "prometheus is not installed (apt-get install prometheus): the live metrics test needs it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; under CI it must run");
            }
            Assumptions.abort(why);
        }
        int port = freePort();
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: %s
                  scrape_timeout: %s
                scrape_configs:
                  - job_name: perf
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(scrapeInterval, scrapeInterval, targetPort));
        Process process = new ProcessBuilder(PROMETHEUS.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.console.templates=" + dir, "--web.console.libraries=" + dir)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.out").toFile()).start();
        PrometheusServer server = new PrometheusServer(process, dir, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("prometheus did not start: "
                        + Files.readString(dir.resolve("prometheus.out")));
            }
            Thread.sleep(100);
        }
        return server;
    }

    private boolean ready() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            return false;
        }
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An instant query through the HTTP API ({@code /api/v1/query}), now: its {@code data.result}. */
    public JsonNode query(String promql) throws Exception {
        return query(promql, null);
    }

    /**
     * An instant query at a time (Unix seconds; {@code null} for now): once a target is gone its series are stale,
     * and a query at a time it was up still finds them.
     */
    public JsonNode query(String promql, Double atSeconds) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (atSeconds == null ? "" : "&time=" + atSeconds))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = new ObjectMapper().readTree(response.body());
        if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IllegalStateException("query " + promql + " failed: " + response.body());
        }
        return body.path("data").path("result");
    }

    /** Prometheus' own log, for a failing test's message. */
    public String log() throws IOException {
        return Files.readString(dir.resolve("prometheus.out"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
