package dev.perf.run;

import com.sun.net.httpserver.HttpServer;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.TestServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Live figures pushed over OTLP/HTTP to a receiver on loopback that decodes them as a collector does. */
@Timeout(120)
class OtlpPushRunTest {
    @TempDir
    Path dir;

    @Test
    void theRunsFiguresArePushedWhileItGoesAndItsFinalFiguresLast() throws Exception {
        List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        collector.createContext("/v1/metrics", exchange -> {
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try (TestServer server = new TestServer()) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/pushed.yaml"), """
                    name: pushed
                    target: { baseUrl: "%s" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 50/s, duration: 3s }
                    thresholds: [ "p99 < 10s" ]
                    live: { otlp: "http://127.0.0.1:%d", otlpInterval: 1s }
                    """.formatted(server.baseUrl(), collector.getAddress().getPort()));
            RecordingConsole console = new RecordingConsole();
            RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
            long count = report.outcomes().get(0).result().overall().count();

            assertThat(console.lines).contains("Live metrics pushed over OTLP to http://127.0.0.1:"
                    + collector.getAddress().getPort() + "/v1/metrics every 1 s");
            assertThat(received).as("a push a second, and the last").hasSizeGreaterThanOrEqualTo(3);
            assertThat(contentTypes).allSatisfy(type -> assertThat(type).isEqualTo("application/x-protobuf"));
            Metric requests = metric(received.get(received.size() - 1), "perf.requests");
            assertThat(requests.getSum().getIsMonotonic()).isTrue();
            NumberDataPoint home = requests.getSum().getDataPoints(0);
            assertThat(attributes(home.getAttributesList())).containsEntry("scenario", "pushed")
                    .containsEntry("request", "home");
            assertThat(home.getAsInt()).as("the final push has the run's count").isEqualTo(count);
            assertThat(received.stream().map(r -> metric(r, "perf.requests")).filter(m -> m != null)
                    .map(m -> m.getSum().getDataPoints(0).getAsInt()))
                    .as("counts while it went").anySatisfy(c -> assertThat(c).isBetween(1L, count - 1));
            Metric latency = metric(received.get(received.size() - 1), "perf.request.latency");
            assertThat(latency.getUnit()).isEqualTo("s");
            assertThat(latency.getGauge().getDataPointsList()).extracting(p -> attributes(p.getAttributesList())
                    .get("quantile")).containsExactlyInAnyOrder("p50", "p95", "p99");
            assertThat(metric(received.get(received.size() - 1), "perf.threshold").getGauge().getDataPoints(0)
                    .getAttributesList()).anySatisfy(kv -> assertThat(kv.getValue().getStringValue())
                    .isEqualTo("passing"));
            assertThat(received.get(0).getResourceMetrics(0).getResource().getAttributesList())
                    .anySatisfy(kv -> assertThat(kv.getKey() + "=" + kv.getValue().getStringValue())
                            .isEqualTo("service.name=perf"));
        } finally {
            collector.stop(0);
        }
    }

    @Test
    void aCollectorThatIsNotThereIsOneWarningAndTheRunGoesOn() throws Exception {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        try (TestServer server = new TestServer()) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/unheard.yaml"), """
                    name: unheard
                    target: { baseUrl: "%s" }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 20/s, duration: 2s }
                    """.formatted(server.baseUrl()));
            RecordingConsole console = new RecordingConsole();
            RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null)
                    .withLive(new dev.perf.scenario.LiveSpec(null, null, "http://127.0.0.1:" + nobody,
                            java.time.Duration.ofSeconds(1))));
            assertThat(report.outcomes()).singleElement().satisfies(o -> assertThat(o.failed()).isFalse());
            assertThat(console.lines).filteredOn(l -> l.contains("pushes of live figures"))
                    .singleElement().satisfies(l -> assertThat(l).contains("failed")
                            .contains("http://127.0.0.1:" + nobody + "/v1/metrics")
                            .contains("is the collector listening there").doesNotContain("\tat "));
        }
    }

    private static Metric metric(ExportMetricsServiceRequest request, String name) {
        return request.getResourceMetricsList().stream().flatMap(r -> r.getScopeMetricsList().stream())
                .flatMap(s -> s.getMetricsList().stream()).filter(m -> m.getName().equals(name)).findFirst()
                .orElse(null);
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new java.util.HashMap<>();
        list.forEach(kv -> map.put(kv.getKey(), kv.getValue().getStringValue()));
        return map;
    }
}
