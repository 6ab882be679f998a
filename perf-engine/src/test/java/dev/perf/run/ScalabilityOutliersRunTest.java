package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.perf.engine.EngineOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stepped run's analysis against servers a few outliers could fool: one that answers at once but stalls one
 * request in a hundred for a second, and one whose median really rises because it is overloaded.
 */
@Timeout(120)
class ScalabilityOutliersRunTest {
    @TempDir
    Path dir;

    @Test
    void rareOneSecondStallsAreNoDegradation() throws Exception {
        AtomicLong requests = new AtomicLong();
        // a worker per request: one stalled request holds up no other
        try (Server server = new Server(Executors.newCachedThreadPool(), () -> {
            if (requests.incrementAndGet() % 100 == 50) {
                sleep(1000);
            }
        })) {
            JsonNode scalability = run(server.port(), "[40, 80, 160]");

            JsonNode levels = scalability.path("levels");
            // the stalls are there: a level's average is far above its median
            assertThat(levels).as(levels.toString()).anySatisfy(l -> assertThat(l.path("avgMs").asDouble())
                    .isGreaterThan(3 * l.path("p50Ms").asDouble()));
            assertThat(scalability.path("degradationStart").path("status").asText())
                    .as(scalability.path("degradationStart").toString()).isEqualTo("not-reached");
            assertThat(scalability.path("maxSustainable").path("text").asText())
                    .endsWith("(on the success rate alone: the run had no latency threshold, so this promises no "
                            + "latency)");
        }
    }

    @Test
    void aMedianThatReallyRisesIsADegradation() throws Exception {
        // one worker, 10 ms a request: 100/s at most; 150/s and 200/s queue up for good
        try (Server server = new Server(Executors.newSingleThreadExecutor(), () -> sleep(10))) {
            JsonNode scalability = run(server.port(), "[20, 40, 150, 200]");

            JsonNode start = scalability.path("degradationStart");
            assertThat(start.path("status").asText()).as(scalability.toString()).isEqualTo("found");
            assertThat(start.path("level").asInt()).as(scalability.toString()).isEqualTo(3);
            assertThat(start.path("text").asText()).startsWith("150/s: median ")
                    .endsWith("and it stayed up to 200/s");
        }
    }

    /** The JDK's HTTP server on 127.0.0.1, answering {} after {@code work} on {@code workers}. */
    private static final class Server implements AutoCloseable {
        private final HttpServer http;
        private final ExecutorService workers;

        Server(ExecutorService workers, Runnable work) throws IOException {
            // without it the JDK server's writes meet delayed ACKs: +40 ms per response
            System.setProperty("sun.net.httpserver.nodelay", "true");
            this.workers = workers;
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            http.setExecutor(workers);
            http.createContext("/", exchange -> {
                work.run();
                byte[] body = "{}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            http.start();
        }

        int port() {
            return http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
            workers.shutdownNow();
        }
    }

    private JsonNode run(int port, String rates) throws IOException {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/steps.yaml"), """
                name: steps
                target: { baseUrl: "http://127.0.0.1:%d" }
                requests: [ { name: home, path: / } ]
                load: { rate: %s, stepDuration: 2s, warmup: 1s }
                """.formatted(port, rates));
        RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                dir.resolve("out"), null, Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
        assertThat(report.outcomes()).hasSize(1);
        return new ObjectMapper().readTree(report.outcomes().get(0).runDirectory().resolve("summary.json").toFile())
                .path("scalability");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
