package dev.perf.demo;

import dev.perf.junit.PerfTracker;
import dev.perf.junit.TrackPerformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sample of tracking ordinary tests with perf-junit: a client's calls to the demo service, each measured and
 * recorded in the same history as the load scenarios, under the test name {@code customer-client}. Every test method
 * of the class is an operation; {@code read-customer} is measured 50 times after 10 warm-up calls; the create, update
 * and delete calls inside a test are operations of their own. Thresholds: here, and in
 * {@code src/test/resources/perf-track.yaml}.
 */
@TrackPerformance(name = "customer-client", thresholds = {"success-rate >= 99%", "create-customer.p95 <= 500ms"})
class CustomerClientTrackedTest {
    static final int JOURNEYS = 10;
    private static DemoServer.Running demo;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start(0, 4, 1, 2000);
        client = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    @TrackPerformance(name = "read-customer", repetitions = 50, warmup = 10, thresholds = "p95 <= 250ms")
    void readsACustomer() throws Exception {
        assertThat(send("GET", "/customers/1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void createsUpdatesAndDeletesCustomers() throws Exception {
        for (int i = 0; i < JOURNEYS; i++) {
            String name = "Ada " + i;
            String location = PerfTracker.track("create-customer", () -> {
                HttpResponse<String> created = send("POST", "/customers", "{\"name\":\"" + name + "\"}");
                assertThat(created.statusCode()).isEqualTo(201);
                return created.headers().firstValue("Location").orElseThrow();
            });
            PerfTracker.track("update-customer", () ->
                    assertThat(send("PUT", location, "{\"name\":\"" + name + " L.\"}").statusCode()).isEqualTo(200));
            PerfTracker.track("delete-customer", () ->
                    assertThat(send("DELETE", location, null).statusCode()).isEqualTo(204));
        }
        assertThat(demo.customerCount()).isEqualTo(100);
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + demo.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
