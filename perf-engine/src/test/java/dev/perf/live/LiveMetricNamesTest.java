package dev.perf.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.monitor.ResourceSample;
import dev.perf.scenario.ResourceMetric;
import dev.perf.scenario.Scope;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard in the guide and the reference's table use exactly the names the endpoint serves: every
 * metric a fully populated endpoint serves is in the reference, and every one a dashboard query names is served.
 */
class LiveMetricNamesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern NAME = Pattern.compile("\\bperf_[a-z_]+");

    @Test
    void theDashboardAndTheReferenceNameWhatTheEndpointServes() throws Exception {
        Set<String> served = served();
        assertThat(served).contains("perf_requests_total", "perf_request_latency_seconds_bucket",
                "perf_threshold", "perf_resource_connections", "perf_level", "perf_stage_description_info");

        String reference = Files.readString(ROOT.resolve("docs/reference/live-metrics.md"));
        for (String name : served) {
            String family = name.replaceAll("_(bucket|count|sum)$", "");
            assertThat(reference).as("docs/reference/live-metrics.md names " + family).contains("`" + family + "`");
        }

        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("docs/guide/grafana/perf-live.json").toFile());
        Set<String> queried = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = NAME.matcher(expr.asText());
            while (m.find()) {
                queried.add(m.group());
            }
        }
        Matcher variable = NAME.matcher(dashboard.path("templating").toString());
        while (variable.find()) {
            queried.add(variable.group());
        }
        assertThat(queried).isNotEmpty();
        assertThat(served).containsAll(queried);
    }

    /** The metric names a scrape returns when every figure is there (a stepped run, thresholds, all resources). */
    private static Set<String> served() throws Exception {
        double[] values = new double[ResourceMetric.values().length];
        Arrays.fill(values, 1);
        Map<Scope, double[]> byScope = new EnumMap<>(Scope.class);
        for (Scope scope : Scope.values()) {
            byScope.put(scope, values);
        }
        LiveFigures figures = new LiveFigures("names", List.of(new LiveFigures.RequestFigures("home", 3, 1, 1,
                Map.of("timeout", 1L), new long[LatencyBuckets.UPPER_BOUNDS_SECONDS.length], 0.5,
                Map.of("p99", 0.2))), 2, 1,
                "100/s for 10s", 1, 4, 5, List.of(new LiveFigures.ThresholdState("p99 < 1s",
                LiveFigures.State.PASSING)), new ResourceSample(1, 0, byScope));
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start("127.0.0.1", 0)) {
            endpoint.accept(figures);
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Set<String> names = new TreeSet<>();
            for (String line : text.split("\n")) {
                Matcher m = NAME.matcher(line);
                if (!line.startsWith("#") && m.lookingAt()) {
                    names.add(m.group());
                }
            }
            return names;
        }
    }
}
