package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.engine.EngineOptions;
import dev.perf.testing.HttpsTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTPS against a server with a self-signed certificate: refused by default, trusted by a trust store or insecure. */
@Timeout(90)
class HttpsRunTest {
    @TempDir
    Path dir;

    private RunReport run(HttpsTestServer server, String tls, RecordingConsole console) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/tls.yaml"), """
                name: tls
                target: { baseUrl: "%s" }
                defaults: %s
                requests: [ { name: secure, path: /, check: [ { json: $.secure, equals: "true" } ] } ]
                load: { concurrency: 2, iterations: 20 }
                monitor: { enabled: false }
                """.formatted(server.baseUrl(), tls));
        RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of(), Map.of("TRUST_PASSWORD", HttpsTestServer.PASSWORD), EngineOptions.defaults().withIoThreads(1),
                null));
        assertThat(report.invalid()).isEmpty();
        return report;
    }

    private static JsonNode summary(RunReport report) throws Exception {
        return new ObjectMapper().readTree(report.outcomes().get(0).runDirectory().resolve("summary.json").toFile());
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTrusted() throws Exception {
        try (HttpsTestServer server = new HttpsTestServer(Files.createDirectories(dir.resolve("certs")))) {
            RunReport untrusted = run(server, "{ timeout: 5s }", new RecordingConsole());
            assertThat(summary(untrusted).path("overall").path("failed").asLong()).isEqualTo(20);
            assertThat(summary(untrusted).path("overall").path("errors").path("tls").path("firstMessage").asText())
                    .as("the handshake fails on the unknown certificate").containsIgnoringCase("certification path");

            Files.copy(server.trustStore(), dir.resolve("perf/trust.p12"));
            RunReport trusted = run(server, "{ tls: { trustStore: trust.p12, trustStorePassword: \"${env.TRUST_PASSWORD}\" } }",
                    new RecordingConsole());
            assertThat(trusted.passed()).isTrue();
            assertThat(summary(trusted).path("overall").path("ok").asLong()).isEqualTo(20);

            RecordingConsole console = new RecordingConsole();
            RunReport insecure = run(server, "{ tls: { insecure: true } }", console);
            assertThat(insecure.passed()).isTrue();
            assertThat(console.lines).anyMatch(l -> l.contains("TLS certificates are not verified for tls"));
        }
    }

    @Test
    void aTrustStoreThatCannotBeOpenedIsAValidationError() throws Exception {
        try (HttpsTestServer server = new HttpsTestServer(Files.createDirectories(dir.resolve("certs")))) {
            Files.createDirectories(dir.resolve("perf"));
            Files.copy(server.trustStore(), dir.resolve("perf/trust.p12"));
            Files.writeString(dir.resolve("perf/tls.yaml"), """
                    target: { baseUrl: "%s" }
                    defaults: { tls: { trustStore: trust.p12, trustStorePassword: wrong } }
                    requests: [ { name: secure, path: / } ]
                    load: { concurrency: 1, iterations: 1 }
                    """.formatted(server.baseUrl()));
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of(), Map.of(), EngineOptions.defaults(), null));
            assertThat(report.invalid()).singleElement().satisfies(e -> assertThat(e.getMessage())
                    .contains("tls.yaml:2:32: defaults.tls.trustStore: 'trust.p12' cannot be opened as a PKCS12")
                    .contains("check the file and trustStorePassword"));
            assertThat(server.requestCount()).isZero();
        }
    }
}
