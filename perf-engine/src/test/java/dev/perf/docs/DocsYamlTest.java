package dev.perf.docs;

import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;
import org.junit.jupiter.api.Test;
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
 * Every YAML block of the docs is YAML; the reference's blocks are also valid parts of a scenario, checked by the
 * scenario loader inside a minimal scenario, so a key renamed in the code cannot stay in the reference.
 */
class DocsYamlTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final String MINIMAL = """
            target: { baseUrl: http://127.0.0.1:8080 }
            requests: [ { name: home, path: / } ]
            load: { rate: 10/s, duration: 1s }
            """;

    private static List<String[]> blocks(Path file) throws IOException {
        List<String[]> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(file));
        while (m.find()) {
            found.add(new String[] {ROOT.relativize(file) + ":" + m.start(), m.group(1)});
        }
        return found;
    }

    /** The environment variables the examples take their credentials from, as a user would have set them. */
    private static final Substitutor EXAMPLE_ENVIRONMENT = new Substitutor(Map.of("API_TOKEN", "example-token",
            "API_KEY", "example-key", "ADMIN_PASSWORD", "example-password"), Map.of());

    private static List<Path> docs() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs"))) {
            walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    @Test
    void everyYamlBlockOfTheDocsParses() throws IOException {
        int checked = 0;
        for (Path file : docs()) {
            for (String[] block : blocks(file)) {
                new Yaml().composeAll(new StringReader(block[1])).forEach(node -> { });
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void theReferenceBlocksAreValidScenarioSections() throws IOException {
        List<Path> reference;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("docs/reference"))) {
            reference = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int checked = 0;
        for (Path file : reference) {
            for (String[] block : blocks(file)) {
                try {
                    new ScenarioLoader(EXAMPLE_ENVIRONMENT).parse(Path.of(block[0]), MINIMAL + block[1]);
                } catch (ScenarioException e) {
                    throw new AssertionError(block[0] + ": " + e.getMessage(), e);
                }
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }
}
