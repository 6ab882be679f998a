package dev.perf.live;

import dev.perf.engine.EngineOptions;
import dev.perf.engine.LoadEngine;
import dev.perf.engine.RunControl;
import dev.perf.metrics.LoadRun;
import dev.perf.metrics.RequestStats;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.scenario.Scenario;
import dev.perf.testing.Scenarios;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** YAML -> engine -> the live endpoint, scraped as Prometheus does, against a real server on loopback. */
class PrometheusEndpointTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesTheRunsFiguresAsOpenMetricsWhileItGoesAndItsFinalFiguresAfter() throws Exception {
        try (TestServer server = new TestServer();
             PrometheusEndpoint endpoint = PrometheusEndpoint.start("127.0.0.1", 0)) {
            Scenario scenario = Scenarios.parse("""
                    name: live-test
                    target: { baseUrl: %s }
                    requests:
                      - { name: home, path: / }
                      - { name: missing, path: /gone, expect: { status: 404 } }
                    load: { rate: 60/s, duration: 2s }
                    thresholds:
                      - "home.p99 < 10s"
                      - "missing.error-rate < 1%%"
                      - { threshold: "p99 < 10s", minSamples: 1000000 }
                    """.formatted(server.baseUrl()));
            ResourceMonitor monitor = ResourceMonitor.start(scenario.monitor(), null, line -> { });
            assertThat(scrape(endpoint)).as("nothing before a run").doesNotContain("perf_");
            LiveRun live = new LiveRun(scenario, monitor, endpoint);
            String before = scrape(endpoint);
            List<String> during = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread scraper = new Thread(() -> {
                for (int i = 0; i < 40 && !Thread.currentThread().isInterrupted(); i++) {
                    try {
                        Thread.sleep(100);
                        during.add(scrape(endpoint));
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // the next scrape tries again
                    }
                }
            });
            scraper.start();
            LoadRun run;
            try {
                run = new LoadEngine(EngineOptions.defaults().withIoThreads(1)).run(scenario, new RunControl(), live);
            } finally {
                monitor.stop();
                scraper.interrupt();
                scraper.join(10_000);
            }
            live.ended(run.metrics().byRequest(), run.metrics().overall(), run.metrics().lateSends());
            String after = scrape(endpoint);

            assertThat(before).contains("perf_requests_total{request=\"home\",scenario=\"live-test\"} 0.0")
                    .contains("perf_stage{scenario=\"live-test\"} 0.0");
            assertThat(during).anySatisfy(text -> assertThat(value(text,
                    "perf_requests_total{request=\"home\",scenario=\"live-test\"}")).isBetween(1.0, 119.0));
            assertThat(during).anySatisfy(text -> assertThat(text).contains("perf_stage{scenario=\"live-test\"} 1.0")
                    .contains("description=\"60/s for 2s\""));

            RequestStats home = run.metrics().byRequest().get("home");
            RequestStats missing = run.metrics().byRequest().get("missing");
            assertThat(value(after, "perf_requests_total{request=\"home\",scenario=\"live-test\"}"))
                    .isEqualTo((double) home.count());
            assertThat(value(after, "perf_request_latency_seconds_count{request=\"home\",scenario=\"live-test\"}"))
                    .isEqualTo((double) home.count());
            assertThat(value(after, "perf_request_latency_seconds_bucket{request=\"home\",scenario=\"live-test\",le=\"+Inf\"}"))
                    .isEqualTo((double) home.count());
            assertThat(value(after, "perf_request_latency_seconds_bucket{request=\"home\",scenario=\"live-test\",le=\"0.001\"}"))
                    .isLessThanOrEqualTo(value(after, "perf_request_latency_seconds_bucket{request=\"home\",scenario=\"live-test\",le=\"30.0\"}"));
            assertThat(value(after, "perf_request_failures_total{kind=\"status\",request=\"missing\",scenario=\"live-test\"}"))
                    .isEqualTo((double) missing.failed()).isPositive();
            assertThat(after).contains("# TYPE perf_request_latency_seconds histogram")
                    .contains("perf_threshold{scenario=\"live-test\",threshold=\"home.p99 < 10s\",perf_threshold=\"passing\"} 1")
                    .contains("perf_threshold{scenario=\"live-test\",threshold=\"missing.error-rate < 1%\",perf_threshold=\"failing\"} 1")
                    .contains("perf_threshold{scenario=\"live-test\",threshold=\"p99 < 10s\",perf_threshold=\"pending\"} 1")
                    .contains("perf_resource_cpu_percent{scenario=\"live-test\",scope=\"generator\"}")
                    .contains("perf_stage{scenario=\"live-test\"} 0.0");
        }
    }

    @Test
    void aTakenPortIsAnErrorThatSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PrometheusEndpoint.start("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort()).hasMessageContaining("port");
        }
        assertThatThrownBy(() -> PrometheusEndpoint.start("no-such-host.invalid", 0))
                .hasMessageContaining("no such host");
    }

    private String scrape(PrometheusEndpoint endpoint) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The value of one series in Prometheus text format, NaN when absent. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
