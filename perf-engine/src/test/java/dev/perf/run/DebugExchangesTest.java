package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.testing.CustomerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeing what is sent: {@code perf.debug=N} prints the first N exchanges in full, and {@code perf.dryRun} sends each
 * flow and request once and prints them, judging and recording nothing; secrets are masked in every form.
 */
@Timeout(60)
class DebugExchangesTest {
    private static final String KEY = "k3y-VALUE/42+x";
    private static final String SCENARIO = """
            name: debugged
            target: { baseUrl: "http://127.0.0.1:${port}" }
            secrets: [ apiKey ]
            defaults: { headers: { Authorization: "Bearer ${apiKey}", X-Trace: "trace-${apiKey}" } }
            flows:
              - name: lifecycle
                steps:
                  - { name: create, method: POST, path: /customers, json: { name: Ada, key: "${apiKey}" },
                      expect: { status: 201 }, capture: { id: $.id } }
                  - { name: read, path: "/customers/${id}", query: { k: "${apiKey}" } }
            requests:
              - { name: missing, path: /customers/0, expect: { status: 404 } }
            load: { concurrency: 1, iterations: 6 }
            monitor: { enabled: false }
            """;
    @TempDir
    Path dir;

    private RunOptions options(CustomerServer server, EngineOptions engine) throws Exception {
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/debugged.yaml"), SCENARIO);
        return new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port()), "apiKey", KEY), Map.of(), engine, null,
                new HistoryOptions(dir.resolve("history.db").toString(), null, dir, 0, 0, 5));
    }

    @Test
    void theFirstExchangesArePrintedInFullWithTheSecretsMasked() throws Exception {
        RecordingConsole console = new RecordingConsole();
        try (CustomerServer server = new CustomerServer()) {
            RunReport report = new PerfRunner(console).run(options(server, EngineOptions.defaults().withIoThreads(1)
                    .withDebugExchanges(3)));
            assertThat(report.outcomes().get(0).run().metrics().overall().count()).isEqualTo(6 + 3);
        }
        List<String> lines = console.lines;
        assertThat(lines.stream().filter(l -> l.matches("  exchange \\d of 3"))).hasSize(3);
        assertThat(lines).anyMatch(l -> l.matches("  > POST http://127\\.0\\.0\\.1:\\d+/customers"))
                .anyMatch(l -> l.equals("  > Authorization: ***"))
                .anyMatch(l -> l.equals("  > X-Trace: trace-***"))
                .anyMatch(l -> l.equals("  > {\"name\":\"Ada\",\"key\":\"***\"}"))
                .anyMatch(l -> l.equals("  < HTTP/1.1 201 Created"))
                .anyMatch(l -> l.equalsIgnoreCase("  < Set-Cookie: ***"))
                .anyMatch(l -> l.startsWith("  < {\"id\":") && l.endsWith("\"key\":\"***\"}"))
                .anyMatch(l -> l.matches("  > GET http://127\\.0\\.0\\.1:\\d+/customers/\\d+\\?k=\\*\\*\\*"))
                .anyMatch(l -> l.startsWith("    new connection to 127.0.0.1:") && l.contains("first byte after"))
                .anyMatch(l -> l.matches("    connect [0-9.]+ ms, send [0-9.]+ ms, ttfb [0-9.]+ ms, receive [0-9.]+ ms"))
                .as("a kept-alive connection has no connect")
                .anyMatch(l -> l.matches("    send [0-9.]+ ms, ttfb [0-9.]+ ms, receive [0-9.]+ ms"));
        assertSecretNowhere(lines);
    }

    @Test
    void aDryRunSendsEachFlowAndRequestOnceAndJudgesAndRecordsNothing() throws Exception {
        RecordingConsole console = new RecordingConsole();
        PerfRunner.DryRunReport report;
        List<String> seen;
        try (CustomerServer server = new CustomerServer()) {
            report = new PerfRunner(console).dryRun(options(server, EngineOptions.defaults().withIoThreads(1)));
            seen = server.seen();
        }
        assertThat(report.invalid()).isEmpty();
        assertThat(report.exchanges()).isEqualTo(3);
        assertThat(seen).containsExactly("GET /customers/0", "POST /customers", "GET /customers/1");
        assertThat(console.lines).contains("Dry run of debugged, flow lifecycle, once, against http://127.0.0.1:"
                        + console.lines.stream().filter(l -> l.startsWith("Dry run of debugged, flow")).findFirst()
                        .orElseThrow().replaceAll(".*:(\\d+)$", "$1"))
                .contains("  2 exchanges, 2 as expected", "  1 exchange, 1 as expected");
        assertThat(console.lines).anyMatch(l -> l.equals("  < HTTP/1.1 404 Not Found"));
        assertThat(dir.resolve("out")).as("nothing written").doesNotExist();
        assertThat(dir.resolve("history.db")).as("nothing recorded").doesNotExist();
        assertSecretNowhere(console.lines);
    }

    @Test
    void aDryRunOfAnInvalidScenarioSendsNothing() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            RunOptions options = options(server, EngineOptions.defaults());
            Files.writeString(dir.resolve("perf/debugged.yaml"), SCENARIO.replace("iterations: 6", "iterations: many"));
            PerfRunner.DryRunReport report = new PerfRunner(new RecordingConsole()).dryRun(options);
            assertThat(report.invalid()).hasSize(1);
            assertThat(server.seen()).isEmpty();
        }
    }

    private static void assertSecretNowhere(List<String> lines) {
        for (String form : List.of(KEY, URLEncoder.encode(KEY, StandardCharsets.UTF_8),
                Base64.getEncoder().encodeToString(KEY.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(lines).noneMatch(l -> l.contains(form));
        }
    }
}
