package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.HttpsTestServer;
import dev.perf.testing.PhaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each phase of an exchange timed where it happens, against servers whose delays are known: a slow first byte shows
 * in {@code ttfb}, a slow body in {@code receive}, a server slow to read in {@code ttfb} (the kernel completes the TCP
 * handshake on its own), a full listen backlog in {@code connect} (the SYN resent after a second), a slow TLS
 * handshake in {@code tls}. Phases that do not happen are absent, not zero.
 */
@Timeout(120)
class PhaseTimingsTest {
    private static final long DELAY_MILLIS = 600;
    /**
     * What a delay measured by the client is at least: the client may read a body's first half late, on a busy
     * machine, and so see less of the wait for its second half than the server slept.
     */
    private static final double DELAYED_MILLIS = DELAY_MILLIS * 0.9;
    /** Far below the delays, far above what a busy machine adds to a loopback exchange (176 ms seen, for a connect). */
    private static final double UNDELAYED_MILLIS = 400;

    @TempDir
    Path dir;
    private final RecordingConsole console = new RecordingConsole();

    private JsonNode run(String yaml) throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("perf"));
        Files.writeString(scenarios.resolve("phases.yaml"), yaml);
        RunReport report = new PerfRunner(console).run(new RunOptions(scenarios, null, dir.resolve("out"), null,
                Map.of(), Map.of(), EngineOptions.defaults().withIoThreads(1), null));
        assertThat(report.invalid()).isEmpty();
        return new ObjectMapper().readTree(report.outcomes().get(0).runDirectory().resolve("summary.json").toFile());
    }

    private static JsonNode request(JsonNode summary, String name) {
        for (JsonNode r : summary.path("requests")) {
            if (r.path("name").asText().equals(name)) {
                return r.path("phases");
            }
        }
        throw new AssertionError("no request " + name + " in " + summary.path("requests"));
    }

    private static JsonNode threshold(JsonNode summary, String expression) {
        for (JsonNode t : summary.path("thresholds")) {
            if (t.path("expression").asText().equals(expression)) {
                return t;
            }
        }
        throw new AssertionError("no threshold " + expression + " in " + summary.path("thresholds"));
    }

    private static String status(JsonNode summary, String expression) {
        return threshold(summary, expression).path("state").asText();
    }

    @Test
    void aSlowFirstByteShowsInTtfbAndASlowBodyInReceive() throws Exception {
        try (PhaseServer server = PhaseServer.plain(DELAY_MILLIS, 0)) {
            JsonNode summary = run("""
                    name: phases
                    target: { baseUrl: "http://localhost:%d" }
                    flows:
                      - name: visit
                        steps:
                          - { name: fast, path: /fast }
                          - { name: slow-first-byte, path: /slow-first-byte }
                          - { name: slow-body, path: /slow-body }
                    load: { concurrency: 1, iterations: 3 }
                    monitor: { enabled: false }
                    thresholds:
                      - slow-first-byte.ttfb.p50 >= 540ms
                      - visit.slow-body.receive.p50 < 100ms
                      - connect.count <= 1
                      - tls.max < 50ms
                    """.formatted(server.port()));
            assertThat(summary.path("overall").path("ok").asLong()).isEqualTo(9);
            assertThat(status(summary, "slow-first-byte.ttfb.p50 >= 540ms")).isEqualTo("passed");
            assertThat(status(summary, "visit.slow-body.receive.p50 < 100ms")).isEqualTo("failed");
            assertThat(status(summary, "connect.count <= 1")).isEqualTo("passed");
            JsonNode tls = threshold(summary, "tls.max < 50ms");
            assertThat(tls.path("state").asText()).as("no TLS to judge: not a pass").isEqualTo("inconclusive");
            assertThat(tls.path("note").asText()).isEqualTo("no data: no exchange went through tls (the TLS "
                    + "handshake (new HTTPS connections))");
            assertThat(summary.path("verdict").asText()).isEqualTo("failed");

            JsonNode fast = request(summary, "fast");
            JsonNode firstByte = request(summary, "slow-first-byte");
            JsonNode body = request(summary, "slow-body");
            // one connection, opened by the first request and kept alive for the other eight
            assertThat(fast.path("connect").path("count").asLong()).isEqualTo(1);
            assertThat(fast.path("dns").path("count").asLong()).as("localhost is resolved once").isEqualTo(1);
            assertThat(firstByte.has("connect")).as("a kept-alive connection: connect absent, not 0").isFalse();
            assertThat(body.has("dns")).isFalse();
            assertThat(summary.path("overall").path("phases").has("tls")).as("plain HTTP: no TLS").isFalse();
            for (JsonNode phases : new JsonNode[]{fast, firstByte, body}) {
                for (String phase : new String[]{"send", "ttfb", "receive"}) {
                    assertThat(phases.path(phase).path("count").asLong()).as(phase).isEqualTo(3);
                }
            }
            assertThat(firstByte.path("ttfb").path("p50").asDouble()).isGreaterThanOrEqualTo(DELAYED_MILLIS);
            assertThat(firstByte.path("receive").path("p50").asDouble()).isLessThan(UNDELAYED_MILLIS);
            assertThat(body.path("receive").path("p50").asDouble()).isGreaterThanOrEqualTo(DELAYED_MILLIS);
            assertThat(body.path("ttfb").path("p50").asDouble()).isLessThan(UNDELAYED_MILLIS);
            assertThat(fast.path("ttfb").path("p50").asDouble()).isLessThan(UNDELAYED_MILLIS);
            assertThat(fast.path("connect").path("max").asDouble()).isLessThan(UNDELAYED_MILLIS);
            assertThat(summary.path("overall").path("phases").path("ttfb").path("count").asLong()).isEqualTo(9);

            assertThat(console.lines).anyMatch(l -> l.startsWith("  phases, p50 / p95: dns ")
                    && l.contains("; connect ") && l.contains("(1x)") && l.contains("; ttfb ")
                    && l.contains("; receive "));
        }
    }

    @Test
    void aServerSlowToReadDelaysTheFirstByteNotTheConnect() throws Exception {
        try (PhaseServer server = PhaseServer.plain(0, DELAY_MILLIS)) {
            JsonNode summary = run("""
                    name: slow-read
                    target: { baseUrl: "http://127.0.0.1:%d" }
                    requests: [ { name: fast, path: /fast } ]
                    load: { concurrency: 1, iterations: 2 }
                    monitor: { enabled: false }
                    """.formatted(server.port()));
            JsonNode phases = request(summary, "fast");
            assertThat(phases.has("dns")).as("an IP address is not resolved").isFalse();
            assertThat(phases.path("connect").path("count").asLong()).isEqualTo(1);
            assertThat(phases.path("connect").path("max").asDouble()).isLessThan(UNDELAYED_MILLIS);
            assertThat(phases.path("ttfb").path("max").asDouble()).isGreaterThanOrEqualTo(DELAYED_MILLIS);
        }
    }

    @Test
    void aFullListenBacklogShowsInConnectAsTheSynRetransmission() throws Exception {
        try (PhaseServer server = PhaseServer.fullBacklog(30_000)) {
            JsonNode summary = run("""
                    name: full-backlog
                    target: { baseUrl: "http://127.0.0.1:%d" }
                    requests: [ { name: fast, path: /fast } ]
                    load: { concurrency: 1, iterations: 2 }
                    monitor: { enabled: false }
                    """.formatted(server.port()));
            JsonNode phases = request(summary, "fast");
            assertThat(phases.path("connect").path("count").asLong()).isEqualTo(1);
            // Linux resends a dropped SYN after one second: the connect phase holds that second, not ttfb
            assertThat(phases.path("connect").path("max").asDouble()).isGreaterThanOrEqualTo(900);
            assertThat(phases.path("ttfb").path("max").asDouble()).isLessThan(UNDELAYED_MILLIS);
        }
    }

    @Test
    void aSlowTlsHandshakeShowsInTls() throws Exception {
        try (HttpsTestServer certificate = new HttpsTestServer(Files.createDirectories(dir.resolve("tls")));
             PhaseServer server = PhaseServer.tls(certificate.tls(), 0, DELAY_MILLIS)) {
            JsonNode summary = run("""
                    name: tls
                    target: { baseUrl: "https://127.0.0.1:%d" }
                    defaults: { tls: { insecure: true } }
                    requests: [ { name: fast, path: /fast } ]
                    load: { concurrency: 1, iterations: 3 }
                    monitor: { enabled: false }
                    """.formatted(server.port()));
            JsonNode phases = request(summary, "fast");
            assertThat(phases.path("tls").path("count").asLong()).isEqualTo(1);
            assertThat(phases.path("tls").path("max").asDouble()).isGreaterThanOrEqualTo(DELAYED_MILLIS);
            assertThat(phases.path("connect").path("max").asDouble()).isLessThan(UNDELAYED_MILLIS);
            assertThat(phases.path("ttfb").path("count").asLong()).isEqualTo(3);
        }
    }
}
