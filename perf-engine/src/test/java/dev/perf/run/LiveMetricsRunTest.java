package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.PrometheusServer;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Live metrics as a user watches them: a real Prometheus scrapes the run's endpoint and is asked what it saw. */
@Timeout(180)
class LiveMetricsRunTest {
    @TempDir
    Path dir;

    @Test
    void prometheusScrapesTheRunAndItsRequestRateIsTheRunsOwn() throws Exception {
        int metricsPort = freePort();
        try (TestServer server = new TestServer();
             PrometheusServer prometheus = PrometheusServer.start(dir.resolve("prometheus"), metricsPort, "250ms")) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/watched.yaml"), """
                    name: watched
                    target: { baseUrl: "%s" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 100/s, duration: 10s }
                    thresholds: [ "p99 < 10s" ]
                    live: { port: "${metricsPort}" }
                    """.formatted(server.baseUrl()));
            RecordingConsole console = new RecordingConsole();
            RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of("metricsPort", Integer.toString(metricsPort)), Map.of(),
                    EngineOptions.defaults().withIoThreads(1), null));
            assertThat(report.invalid()).isEmpty();
            ScenarioOutcome outcome = report.outcomes().get(0);
            assertThat(console.lines).contains("Live metrics (OpenMetrics) at http://127.0.0.1:" + metricsPort
                    + "/metrics");

            // every sample Prometheus kept of the counter, [time, value], over the whole run
            JsonNode series = prometheus.query("perf_requests_total{scenario=\"watched\",request=\"home\"}[5m]");
            assertThat(series).as(prometheus.log()).hasSize(1);
            List<double[]> changes = new ArrayList<>();
            double last = -1;
            for (JsonNode sample : series.get(0).path("values")) {
                double value = Double.parseDouble(sample.get(1).asText());
                if (value != last) {
                    changes.add(new double[]{sample.get(0).asDouble(), value});
                    last = value;
                }
            }
            long count = outcome.result().overall().count();
            assertThat(last).as("Prometheus read the final figures").isEqualTo((double) count);
            // the rate between the first and the last full second the counter moved (first scrape that saw each)
            double[] first = changes.get(1);
            double[] end = changes.get(changes.size() - 2);
            double prometheusRate = (end[1] - first[1]) / (end[0] - first[0]);
            double ownRate = outcome.result().overall().rps();
            assertThat(prometheusRate).as("changes %s", changes.stream().map(c -> c[0] + "=" + c[1]).toList())
                    .isCloseTo(ownRate, org.assertj.core.data.Percentage.withPercentage(5));

            // the endpoint closed with the invocation, so its series are stale now: asked at the last change
            double lastSeen = changes.get(changes.size() - 1)[0];
            JsonNode p99 = prometheus.query("histogram_quantile(0.99, perf_request_latency_seconds_bucket)", lastSeen);
            assertThat(p99).isNotEmpty();
            JsonNode threshold = prometheus.query("perf_threshold{perf_threshold=\"passing\"} == 1", lastSeen);
            assertThat(threshold).singleElement().satisfies(t ->
                    assertThat(t.path("metric").path("threshold").asText()).isEqualTo("p99 < 10s"));
        }
    }

    @Test
    void aTakenPortStopsTheInvocationBeforeAnythingIsSent() throws Exception {
        try (TestServer server = new TestServer();
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/taken.yaml"), """
                    name: taken
                    target: { baseUrl: "%s" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 50/s, duration: 1s }
                    """.formatted(server.baseUrl()));
            RunOptions options = new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null, Map.of(),
                    Map.of(), EngineOptions.defaults().withIoThreads(1), null).withLive(taken.getLocalPort(), null);
            assertThatThrownBy(() -> new PerfRunner(new RecordingConsole()).run(options))
                    .isInstanceOf(PerfSetupException.class)
                    .hasMessageContaining("cannot serve live metrics on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("-Dperf.metrics.port").hasMessageContaining("nothing was sent");
            assertThat(server.requestCount()).isZero();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
