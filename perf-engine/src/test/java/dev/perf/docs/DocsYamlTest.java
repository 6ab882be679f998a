package dev.perf.docs;

import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;
import dev.perf.scenario.yaml.TrackFileReader;
import dev.perf.testing.HttpsTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every YAML block of the docs (README.md and docs/**) is checked, so that a key renamed in the code cannot stay in
 * the docs:
 * <ul>
 *   <li>a block with {@code load:} and requests ({@code requests:}, {@code flows:} or {@code include:}) is a whole
 *       scenario, loaded as it is;</li>
 *   <li>any other block is a fragment: it is loaded inside a minimal scenario that supplies only what the fragment
 *       lacks (a target, a request, a load);</li>
 *   <li>a block with {@code tests:} is a {@code perf-track.yaml}, read as the JUnit extension reads it;</li>
 *   <li>a block whose first line is {@code # not a scenario} (a CI pipeline) is only parsed.</li>
 * </ul>
 * Files the examples name (a feeder's CSV, a body) are made in a temporary project for them.
 */
class DocsYamlTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern TOP_KEY = Pattern.compile("^([a-zA-Z]+):", Pattern.MULTILINE);
    /** The environment variables the examples take their credentials from, as a user would have set them. */
    private static final Map<String, String> EXAMPLE_ENVIRONMENT = Map.of("API_TOKEN", "example-token",
            "API_KEY", "example-key", "ADMIN_PASSWORD", "example-password", "BASE_URL", "http://127.0.0.1:8080",
            "TRUST_PASSWORD", HttpsTestServer.PASSWORD);
    /** Files the examples name, with contents their variables need. */
    private static final Map<String, String> EXAMPLE_FILES = Map.of(
            "data/users.csv", "user,tier\nada,gold\ngrace,silver\n",
            "payloads/customer.json", "{\"name\": \"Ada\"}\n",
            "files/a.pdf", "%PDF-1.4\n",
            "shared/customer-requests.yaml", "requests: [ { name: shared-home, path: / } ]\n");

    /** The requests a fragment's thresholds may name. */
    private static final String EXAMPLE_REQUESTS = """
            requests:
              - { name: home, path: / }
              - { name: get-customer, path: /customers/1 }
              - { name: create-customer, method: POST, path: /customers }
              - { name: search, path: /search }
            """;

    @TempDir
    Path project;

    private static List<String[]> blocks(Path file) throws IOException {
        List<String[]> found = new ArrayList<>();
        String text = Files.readString(file);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 2;
            found.add(new String[] {ROOT.relativize(file) + ":" + line, m.group(1).stripIndent()});
        }
        return found;
    }

    private static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everyYamlBlockOfTheDocsIsAValidScenarioOrFragment() throws Exception {
        for (Map.Entry<String, String> file : EXAMPLE_FILES.entrySet()) {
            Files.createDirectories(project.resolve(file.getKey()).getParent());
            Files.writeString(project.resolve(file.getKey()), file.getValue());
        }
        Files.createDirectories(project.resolve("certs"));
        try (HttpsTestServer tls = new HttpsTestServer(Files.createDirectories(project.resolve("tls")))) {
            Files.copy(tls.trustStore(), project.resolve("certs/test-ca.p12"));
        }
        ScenarioLoader loader = new ScenarioLoader(new Substitutor(EXAMPLE_ENVIRONMENT,
                Map.of("project.basedir", project.toString())));
        int scenarios = 0;
        int fragments = 0;
        for (Path file : docs()) {
            for (String[] block : blocks(file)) {
                new Yaml().composeAll(new StringReader(block[1])).forEach(node -> { });
                if (block[1].startsWith("# not a scenario")) {
                    continue;
                }
                List<String> keys = TOP_KEY.matcher(block[1]).results().map(r -> r.group(1)).toList();
                if (keys.equals(List.of("tests"))) {
                    try {
                        TrackFileReader.parse(Path.of(block[0]), block[1]);
                    } catch (ScenarioException e) {
                        throw new AssertionError(block[0] + ": " + e.getMessage(), e);
                    }
                    fragments++;
                    continue;
                }
                boolean hasRequests = keys.contains("requests") || keys.contains("flows") || keys.contains("include");
                String yaml = block[1];
                if (keys.contains("load") && hasRequests) {
                    scenarios++;
                } else {
                    fragments++;
                    yaml = (keys.contains("target") || keys.contains("environments") ? ""
                            : "target: { baseUrl: http://127.0.0.1:8080 }\n")
                            + (hasRequests ? "" : EXAMPLE_REQUESTS)
                            + (keys.contains("load") ? "" : "load: { rate: 10/s, duration: 1s }\n") + yaml;
                }
                try {
                    loader.parse(project.resolve("s.yaml"), yaml);
                } catch (ScenarioException e) {
                    throw new AssertionError(block[0] + ": " + e.getMessage(), e);
                }
            }
        }
        assertThat(scenarios).isGreaterThanOrEqualTo(2);
        assertThat(fragments).isGreaterThan(10);
    }
}
