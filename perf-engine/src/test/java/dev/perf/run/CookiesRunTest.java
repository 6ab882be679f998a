package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.testing.CustomerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Cookies are kept per virtual user: each user sends back what the server set for it, and never another's. */
@Timeout(60)
class CookiesRunTest {
    @TempDir
    Path dir;

    private CustomerServer run(String load, String defaults) throws Exception {
        CustomerServer server = new CustomerServer();
        Files.createDirectories(dir.resolve("perf"));
        Files.writeString(dir.resolve("perf/cookies.yaml"), """
                target: { baseUrl: "http://127.0.0.1:${port}" }
                defaults: %s
                flows:
                  - name: session
                    steps:
                      - { name: create, method: POST, path: /customers, expect: { status: 201 }, capture: { id: $.id } }
                      - { name: read, path: "/customers/${id}" }
                load: %s
                monitor: { enabled: false }
                """.formatted(defaults, load));
        RunReport report = new PerfRunner(new RecordingConsole()).run(new RunOptions(dir.resolve("perf"), null,
                dir.resolve("out"), null, Map.of("port", Integer.toString(server.port())), Map.of(),
                EngineOptions.defaults().withIoThreads(2), null));
        assertThat(report.passed()).isTrue();
        return server;
    }

    /** Every read carries the session cookie of the customer its own user created just before. */
    private static void eachReadCarriesItsOwnSession(List<String> cookies) {
        Pattern read = Pattern.compile("GET /customers/(\\d+) (.*)");
        int reads = 0;
        for (String line : cookies) {
            Matcher m = read.matcher(line);
            if (m.matches()) {
                reads++;
                assertThat(m.group(2)).as(line).isEqualTo("SESSION=s" + m.group(1));
            }
        }
        assertThat(reads).isPositive();
    }

    @Test
    void closedModelUsersKeepTheirOwnCookiesAcrossIterations() throws Exception {
        try (CustomerServer server = run("{ concurrency: 4, iterations: 40 }", "{}")) {
            eachReadCarriesItsOwnSession(server.cookies());
            // a user's later iterations start with the cookie its previous one left: only four POSTs went without
            assertThat(server.cookies()).filteredOn(l -> l.startsWith("POST")).hasSize(40)
                    .filteredOn(l -> l.endsWith(" null")).hasSize(4);
        }
    }

    @Test
    void everyArrivalOfTheOpenModelStartsWithoutCookies() throws Exception {
        try (CustomerServer server = run("{ rate: 40/s, duration: 500ms }", "{}")) {
            eachReadCarriesItsOwnSession(server.cookies());
            assertThat(server.cookies()).filteredOn(l -> l.startsWith("POST")).hasSize(20)
                    .allMatch(l -> l.endsWith(" null"));
        }
    }

    @Test
    void cookiesCanBeTurnedOff() throws Exception {
        try (CustomerServer server = run("{ concurrency: 2, iterations: 10 }", "{ cookies: false }")) {
            assertThat(server.cookies()).hasSize(20).allMatch(l -> l.endsWith(" null"));
        }
    }
}
