package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.CustomerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Flows through YAML, the engine and a customer API on loopback: captures, checks, pauses, failures. */
@Timeout(60)
class FlowRunTest {
    @TempDir
    Path dir;
    private final RecordingConsole console = new RecordingConsole();

    private JsonNode run(CustomerServer server, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/flow.yaml"), yaml);
        RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port())), Map.of(), EngineOptions.defaults().withIoThreads(1),
                null));
        assertThat(report.invalid()).isEmpty();
        return new ObjectMapper().readTree(report.outcomes().get(0).runDirectory().resolve("summary.json").toFile());
    }

    private static JsonNode threshold(JsonNode summary, String expression) {
        for (JsonNode t : summary.path("thresholds")) {
            if (t.path("expression").asText().equals(expression)) {
                return t;
            }
        }
        throw new AssertionError("no threshold " + expression);
    }

    @Test
    void thresholdsJudgeAFlowsIterationsAndItsSteps() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            JsonNode summary = run(server, """
                    name: judged-flow
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    flows:
                      - name: customer-lifecycle
                        think: 5ms
                        steps:
                          - { name: create, method: POST, path: /customers, json: { name: Ada }, expect: { status: 201 },
                              capture: { id: $.id } }
                          - { name: read, path: "/customers/${id}" }
                    load: { concurrency: 2, iterations: 10 }
                    monitor: { enabled: false }
                    thresholds:
                      - customer-lifecycle.duration.p95 <= 30s
                      - customer-lifecycle.success-rate >= 99%
                      - customer-lifecycle.count == 10
                      - customer-lifecycle.min <= 1ms
                      - customer-lifecycle.read.p99 <= 30s
                    """);
            JsonNode flow = summary.path("flows").get(0);
            JsonNode duration = threshold(summary, "customer-lifecycle.duration.p95 <= 30s");
            assertThat(duration.path("flow").asBoolean()).isTrue();
            assertThat(duration.path("request").asText()).isEqualTo("customer-lifecycle");
            assertThat(duration.path("actual").asDouble()).as("the flow's own p95, not a request's")
                    .isEqualTo(flow.path("latencyMs").path("p95").asDouble());
            assertThat(duration.path("state").asText()).isEqualTo("passed");
            assertThat(threshold(summary, "customer-lifecycle.success-rate >= 99%").path("actual").asDouble())
                    .isEqualTo(100.0);
            assertThat(threshold(summary, "customer-lifecycle.count == 10").path("state").asText()).isEqualTo("passed");
            // an iteration lasts at least its two requests and a 5 ms pause: never 1 ms
            JsonNode min = threshold(summary, "customer-lifecycle.min <= 1ms");
            assertThat(min.path("state").asText()).isEqualTo("failed");
            assertThat(min.path("actual").asDouble()).isGreaterThanOrEqualTo(5.0)
                    .isEqualTo(flow.path("latencyMs").path("min").asDouble());
            JsonNode step = threshold(summary, "customer-lifecycle.read.p99 <= 30s");
            assertThat(step.path("request").asText()).isEqualTo("read");
            assertThat(step.has("flow")).isFalse();
            assertThat(summary.path("verdict").asText()).isEqualTo("failed");
            assertThat(console.lines).anyMatch(l -> l.contains("FAIL") && l.contains("customer-lifecycle.min <= 1ms"));
        }
    }

    private static JsonNode request(JsonNode summary, String name) {
        for (JsonNode r : summary.path("requests")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no request " + name);
    }

    @Test
    void eachIterationCreatesReadsAndDeletesItsOwnCustomerThroughCapturedIds() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            JsonNode summary = run(server, """
                    name: lifecycle
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    flows:
                      - name: customer-lifecycle
                        think: 5ms..20ms
                        steps:
                          - name: create
                            method: POST
                            path: /customers
                            json: { name: "Ada ${randomString(6)}", ref: "${uuid}" }
                            expect: { status: 201 }
                            capture:
                              id: $.id
                              location: { header: Location }
                              session: { cookie: SESSION }
                            check:
                              - { header: Location }
                              - { json: $.name, exists: true }
                          - name: read
                            path: ${location}
                            headers: { X-Session: "${session}" }
                            check:
                              - { json: $.id, equals: "${id}" }
                              - { header: Content-Type, equals: application/json }
                              - { bodyContains: Ada }
                              - { bodyMatches: '"ref":"[0-9a-f-]{36}"' }
                              - { maxTime: 5s }
                          - name: delete
                            method: DELETE
                            path: /customers/${id}
                            expect: { status: 204 }
                    load: { concurrency: 3, iterations: 15 }
                    monitor: { enabled: false }
                    thresholds: [ "success-rate == 100%" ]
                    """);
            assertThat(summary.path("verdict").asText()).isEqualTo("passed");
            for (String step : List.of("create", "read", "delete")) {
                assertThat(request(summary, step).path("count").asLong()).as(step).isEqualTo(15);
                assertThat(request(summary, step).path("ok").asLong()).as(step).isEqualTo(15);
            }
            JsonNode flow = summary.path("flows").get(0);
            assertThat(flow.path("name").asText()).isEqualTo("customer-lifecycle");
            assertThat(flow.path("ok").asLong()).isEqualTo(15);
            // a whole iteration lasts at least its three requests and two pauses of 5 ms or more
            assertThat(flow.path("latencyMs").path("min").asDouble()).isGreaterThanOrEqualTo(10.0);

            // the server saw each created id read and deleted, by the iteration that created it
            Set<String> created = new TreeSet<>();
            Set<String> read = new TreeSet<>();
            Set<String> deleted = new TreeSet<>();
            Pattern id = Pattern.compile("/customers/(\\d+)");
            List<String> seen = server.seen();
            for (int i = 1; i <= 15; i++) {
                created.add(Integer.toString(i));
            }
            for (String line : seen) {
                Matcher m = id.matcher(line);
                if (m.find()) {
                    (line.startsWith("GET") ? read : deleted).add(m.group(1));
                }
            }
            assertThat(seen).filteredOn(l -> l.equals("POST /customers")).hasSize(15);
            assertThat(read).isEqualTo(created);
            assertThat(deleted).isEqualTo(created);
            assertThat(console.lines).anyMatch(l -> l.contains("flows (each iteration from its intended start"));
        }
    }

    @Test
    void everyKindOfCheckFailsWhenItShouldAndInformationalOnesOnlyCount() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            JsonNode summary = run(server, """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests:
                      - name: create
                        method: POST
                        path: /customers
                        json: { name: Grace }
                        expect: { status: 201 }
                        check:
                          - { header: Location }
                          - { header: X-Missing, fail: false }
                          - { name: right-type, header: Content-Type, equals: text/html, fail: false }
                          - { json: $.name, equals: Grace }
                          - { json: $.nope, exists: true, fail: false }
                          - { bodyContains: Hopper, fail: false }
                          - { bodyMatches: '"id":\\d+' }
                          - { maxTime: 1us, fail: false }
                      - name: strict
                        method: POST
                        path: /customers
                        json: { name: Grace }
                        expect: { status: 201 }
                        check: [ { json: $.name, equals: Hopper } ]
                    load: { concurrency: 1, iterations: 10 }
                    monitor: { enabled: false }
                    """);
            JsonNode create = request(summary, "create");
            assertThat(create.path("ok").asLong()).as("informational checks do not fail requests").isEqualTo(5);
            JsonNode checks = create.path("checks");
            assertThat(checks.path("header X-Missing").asLong()).isEqualTo(5);
            assertThat(checks.path("right-type").asLong()).isEqualTo(5);
            assertThat(checks.path("json $.nope").asLong()).isEqualTo(5);
            assertThat(checks.path("body contains Hopper").asLong()).isEqualTo(5);
            assertThat(checks.path("time <= 1us").asLong()).isEqualTo(5);
            assertThat(checks.has("header Location")).as("passing checks are not listed").isFalse();
            assertThat(checks.has("json $.name = Grace")).isFalse();
            JsonNode strict = request(summary, "strict");
            assertThat(strict.path("failed").asLong()).isEqualTo(5);
            assertThat(strict.path("checks").path("json $.name = Hopper").asLong()).isEqualTo(5);
            assertThat(strict.path("errors").path("check").path("firstMessage").asText())
                    .isEqualTo("check 'json $.name = Hopper' failed: was 'Grace', expected 'Hopper'");
            assertThat(console.lines).anyMatch(l -> l.equals("  check failed: strict 'json $.name = Hopper' x5"));
        }
    }

    @Test
    void aCaptureThatFindsNothingFailsItsStepAndSkipsTheRestOfTheIteration() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            JsonNode summary = run(server, """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    flows:
                      - name: broken
                        steps:
                          - { name: create, method: POST, path: /customers, expect: { status: 201 },
                              capture: { id: $.customerId } }
                          - { name: read, path: "/customers/${id}" }
                    load: { rate: 20/s, duration: 500ms }
                    monitor: { enabled: false }
                    """);
            JsonNode create = request(summary, "create");
            assertThat(create.path("failed").asLong()).isEqualTo(10);
            assertThat(create.path("errors").path("capture").path("firstMessage").asText())
                    .startsWith("capture 'id' (json $.customerId) found nothing");
            assertThat(request(summary, "read").path("count").asLong()).isZero();
            assertThat(server.seen()).noneMatch(l -> l.startsWith("GET"));
            assertThat(summary.path("flows").get(0).path("failed").asLong()).isEqualTo(10);
        }
    }
}
