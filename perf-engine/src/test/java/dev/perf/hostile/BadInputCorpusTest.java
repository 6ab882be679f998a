package dev.perf.hostile;

import dev.perf.engine.EngineOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.PerfSetupException;
import dev.perf.run.RecordingConsole;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of {@code src/test/resources/bad-input} is a scenario a careless or hostile user could write. Each says on
 * its first line where its problem is and a word of the message ({@code # expect: LINE WORD}); each is run as
 * {@code perf:run} would run it, against a server on loopback that counts requests. Each must be refused with its file
 * and line, without a stack trace, a secret or another file's contents in the message, without sending anything, in
 * bounded time. This class runs in its own JVM with a 256 MB heap (see the pom), so a file that expands beyond its
 * size fails here by running out of memory.
 */
class BadInputCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final Path FILES = Path.of("src/test/resources/bad-input-files");
    private static final Pattern EXPECT = Pattern.compile("# expect: (\\d+) (.+)");
    /** The value of the secret variable {@code apiKey} that some files misuse. */
    private static final String SECRET = "SECRETAPIKEY3333";
    private static TestServer server;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startServer() throws IOException {
        server = new TestServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .toList();
            assertThat(names).hasSizeGreaterThanOrEqualTo(80);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithItsPositionAndNothingIsSent(String name) throws Exception {
        Path source = CORPUS.resolve(name);
        String first = new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        Matcher expect = EXPECT.matcher(first);
        assertThat(expect.matches()).as("%s starts with '# expect: LINE WORD'", name).isTrue();
        int line = Integer.parseInt(expect.group(1));
        String word = expect.group(2).trim();

        Path project = Files.createDirectories(temp.resolve(name.replace(".yaml", "")).resolve("project"));
        Path scenarios = Files.createDirectories(project.resolve("src/test/perf"));
        Path data = Files.createDirectories(scenarios.resolve("data"));
        try (Stream<Path> fixtures = Files.list(FILES)) {
            for (Path fixture : fixtures.toList()) {
                Files.copy(fixture, data.resolve(fixture.getFileName()));
            }
        }
        Path outside = Files.createDirectories(project.getParent().resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:OUTSIDE-CONTENT\n");
        Files.writeString(outside.resolve("shared.yaml"), "requests: [ { name: other, path: /OUTSIDE-CONTENT } ]\n");
        Files.writeString(outside.resolve("users.csv"), "OUTSIDE-CONTENT\n1\n");
        Path file = Files.copy(source, scenarios.resolve(name));

        long before = server.requestCount();
        String message = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> refusal(project, scenarios, name));

        assertThat(server.requestCount()).as("requests sent for %s", name).isEqualTo(before);
        assertThat(message).as("the message for %s", name)
                .contains(file + ":" + line + ":")
                .containsIgnoringCase(word)
                .doesNotContain(SECRET)
                .doesNotContain("OUTSIDE-CONTENT", "root:x:0:0", "/bin/bash")
                .doesNotContain("\tat ", "Exception", "java.lang.")
                .doesNotContainPattern("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]");
        assertThat(message.length()).as("the message's length for %s", name).isLessThan(20_000);
    }

    /** What {@code perf:run} says about the file: it must not run, and must not crash. */
    private static String refusal(Path project, Path scenarios, String name) throws IOException {
        RecordingConsole console = new RecordingConsole();
        RunReport report;
        try {
            report = new PerfRunner(console).run(new RunOptions(scenarios, name, project.resolve("target/perf"), null,
                    Map.of("target", server.baseUrl(), "apiKey", SECRET, "project.basedir", project.toString()),
                    Map.of(), EngineOptions.defaults().withIoThreads(1), null));
        } catch (PerfSetupException e) {
            return e.getMessage();
        }
        assertThat(report.valid()).as("%s is refused", name).isFalse();
        assertThat(report.outcomes()).isEmpty();
        return report.invalid().stream().map(ScenarioException::getMessage).collect(Collectors.joining("\n"))
                + String.join("\n", console.lines);
    }
}
