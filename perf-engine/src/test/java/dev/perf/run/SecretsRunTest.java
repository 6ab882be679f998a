package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.history.HistoryStore;
import dev.perf.testing.CustomerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets (auth credentials from the environment, sensitive headers, variables listed under secrets:) reach the
 * server and nothing else: every file the run writes, the history's kept copies and the console are searched for
 * them, while failing checks try to quote them.
 */
@Timeout(60)
class SecretsRunTest {
    private static final String TOKEN = "tok-3x4mpl3-s3cr3t";
    private static final String PASSWORD = "pa55-w0rd-s3cr3t";
    private static final String KEY = "k3y-s3cr3t-val";
    private static final String COOKIE = "c00kie-s3cr3t";
    @TempDir
    Path dir;

    @Test
    void secretsAreSentButNeverWrittenAnywhere() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/secret.yaml"), """
                    name: secret
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    secrets: [ env.API_KEY ]
                    defaults:
                      auth: { bearer: "${env.API_TOKEN}" }
                    requests:
                      - name: login
                        method: POST
                        path: /customers
                        auth: { basic: { username: ada, password: "${env.API_PASSWORD}" } }
                        json: { key: "${env.API_KEY}" }
                        expect: { status: 201 }
                        check:
                          - { json: $.key, equals: "other-${env.API_KEY}" }
                          - { header: Set-Cookie, equals: "SESSION=x", fail: false }
                      - name: read
                        path: /customers/1
                        headers: { Cookie: "SESSION=%s" }
                        check: [ { bodyContains: "${env.API_KEY}-nope" } ]
                    load: { concurrency: 1, iterations: 4 }
                    monitor: { enabled: false }
                    """.formatted(COOKIE));
            RecordingConsole console = new RecordingConsole();
            RunReport report = new PerfRunner(console).run(new RunOptions(dir.resolve("perf"), null, dir.resolve("out"),
                    null, Map.of("port", Integer.toString(server.port())), Map.of("API_TOKEN", TOKEN, "API_PASSWORD",
                    PASSWORD, "API_KEY", KEY, "GIT_BRANCH", "main"), EngineOptions.defaults().withIoThreads(1), null,
                    new HistoryOptions(dir.resolve("history.db").toString(), null, dir, 0, 0, 5)));

            // the server got the credentials
            String basic = "Basic " + Base64.getEncoder().encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertThat(server.authorizations()).contains(basic, "Bearer " + TOKEN);
            assertThat(server.bodies()).anyMatch(b -> b.contains(KEY));
            // the failing checks would have quoted the key: the messages are there, masked
            String results = String.join("\n", console.lines);
            assertThat(results).contains("check 'json $.key = other-***' failed: was '***', expected 'other-***'");
            List<String> secrets = List.of(TOKEN, PASSWORD, KEY, COOKIE,
                    basic.substring("Basic ".length()));
            for (String secret : secrets) {
                assertThat(results).as("console").doesNotContain(secret);
            }
            try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        assertThat(text).as(file + " holds no secret").doesNotContain(secret);
                    }
                }
            }
            try (HistoryStore store = HistoryStore.open(dir.resolve("history.db").toString())) {
                String runId = report.outcomes().get(0).runId();
                String kept = new String(store.document(runId, "summary.json"), StandardCharsets.UTF_8);
                assertThat(kept).contains("was '***'");
                for (String secret : secrets) {
                    assertThat(kept).as("the history's copy").doesNotContain(secret);
                }
            }
            String raw = new String(Files.readAllBytes(dir.resolve("history.db")), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                assertThat(raw).as("the history's tables").doesNotContain(secret);
            }
        }
    }
}
