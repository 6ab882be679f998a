package it;

import com.sun.net.httpserver.HttpServer;
import dev.perf.junit.PerfTracker;
import dev.perf.junit.TrackPerformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls a loopback server the test starts: 30 measured reads after 5 warm-up ones, and 12 tracked creates. */
@TrackPerformance(thresholds = "success-rate >= 100%")
class CatalogueTest {
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", exchange -> {
            byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static int call(String method) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/customers/1");
        return CLIENT.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    @TrackPerformance(name = "read-customer", repetitions = 30, warmup = 5, thresholds = "p95 <= 2s")
    void readsACustomer() throws Exception {
        assertEquals(200, call("GET"));
    }

    @Test
    void createsCustomers() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertEquals(201, PerfTracker.track("create-customer", () -> call("POST")));
        }
    }
}
