package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.testing.CustomerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies from files and forms, with variables filled in and escaped for where they go. */
@Timeout(60)
class BodiesRunTest {
    @TempDir
    Path dir;

    @Test
    void aMultipartBodyCarriesTextPartsWithVariablesAndFileParts() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            Files.createDirectories(dir.resolve("perf/files"));
            Files.writeString(dir.resolve("perf/files/report.csv"), "a,b\n1,2\n");
            Files.writeString(dir.resolve("perf/multipart.yaml"), """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests:
                      - name: upload
                        method: POST
                        path: /customers
                        multipart:
                          - { name: note, value: "upload ${seq}" }
                          - { name: report, file: files/report.csv, contentType: text/csv }
                        expect: { status: 201 }
                    load: { concurrency: 1, iterations: 2 }
                    monitor: { enabled: false }
                    """);
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of("port", Integer.toString(server.port())), Map.of(),
                    EngineOptions.defaults().withIoThreads(1), null));
            assertThat(report.passed()).isTrue();
            assertThat(server.bodies()).hasSize(2).allSatisfy(body -> assertThat(body)
                    .startsWith("multipart/form-data; boundary=")
                    .contains("Content-Disposition: form-data; name=\"note\"")
                    .contains("Content-Disposition: form-data; name=\"report\"; filename=\"report.csv\"")
                    .contains("Content-Type: text/csv")
                    .contains("a,b\n1,2\n"));
            assertThat(server.bodies().get(0)).contains("upload 1");
            assertThat(server.bodies().get(1)).contains("upload 2");
        }
    }

    @Test
    void aBodyFileAndAFormCarryTheirVariablesEscapedForJsonAndForUrls() throws Exception {
        try (CustomerServer server = new CustomerServer()) {
            Files.createDirectories(dir.resolve("perf/payloads"));
            Files.writeString(dir.resolve("perf/names.csv"), "name\n\"Ada \"\"the\"\" L&co\"\n");
            Files.writeString(dir.resolve("perf/payloads/customer.json"),
                    "{ \"name\": \"${name}\", \"region\": \"${env.REGION:-eu}\" }\n");
            Files.writeString(dir.resolve("perf/bodies.yaml"), """
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    feeders: { names: { file: names.csv, order: circular } }
                    requests:
                      - { name: from-file, method: POST, path: /customers, bodyFile: payloads/customer.json,
                          expect: { status: 201 } }
                      - { name: from-form, method: POST, path: /customers, form: { name: "${name}", tag: [a b, c&d] },
                          expect: { status: 201 } }
                    load: { concurrency: 1, iterations: 2 }
                    monitor: { enabled: false }
                    """);
            RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                    dir.resolve("out"), null, Map.of("port", Integer.toString(server.port())), Map.of("REGION", "us"),
                    EngineOptions.defaults().withIoThreads(1), null));
            assertThat(report.passed()).isTrue();
            assertThat(server.bodies()).containsExactly(
                    "application/json { \"name\": \"Ada \\\"the\\\" L&co\", \"region\": \"us\" }\n",
                    "application/x-www-form-urlencoded name=Ada+%22the%22+L%26co&tag=a+b&tag=c%26d");
        }
    }
}
