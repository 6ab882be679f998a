package dev.perf.hostile;

import dev.perf.scenario.Scenario;
import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files a scenario names are read only inside the project, after symbolic links are followed, unless
 * {@code perf.allowFilesOutsideProject} allows more; no message shows what such a file holds; and files are read with
 * a limit on the bytes read, not on the size they claim.
 */
class FileConfinementTest {
    private static final String CONTENT = "OUTSIDE-CONTENT root:x:0:0";
    @TempDir
    Path temp;
    private Path project;
    private Path scenarios;
    private Path outside;

    @BeforeEach
    void layout() throws IOException {
        project = Files.createDirectories(temp.resolve("project"));
        scenarios = Files.createDirectories(project.resolve("src/test/perf"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("body.json"), "{\"secret\": \"" + CONTENT + "\"}");
        Files.writeString(project.resolve("body.json"), "{\"ok\": true}");
    }

    private Scenario load(String bodyFile, boolean allowOutside) throws Exception {
        Map<String, String> properties = new HashMap<>(Map.of("project.basedir", project.toString()));
        if (allowOutside) {
            properties.put("perf.allowFilesOutsideProject", "true");
        }
        Path file = scenarios.resolve("s.yaml");
        Files.writeString(file, """
                target: { baseUrl: http://127.0.0.1:9 }
                requests:
                  - { name: post, method: POST, path: /, bodyFile: "%s" }
                load: { concurrency: 1, iterations: 1 }
                """.formatted(bodyFile));
        return new ScenarioLoader(new Substitutor(Map.of(), properties)).load(file);
    }

    private void refused(String bodyFile, String... words) {
        assertThatThrownBy(() -> load(bodyFile, false)).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("s.yaml:3:").contains(words)
                        .doesNotContain("OUTSIDE-CONTENT", "root:x"));
    }

    @Test
    void aFileInsideTheProjectIsRead() throws Exception {
        assertThat(new String(load("../../../body.json", false).flows().get(0).steps().get(0).request().body(),
                StandardCharsets.UTF_8)).isEqualTo("{\"ok\": true}");
    }

    @Test
    void dotDotOutOfTheProjectIsRefused() {
        refused("../../../../outside/body.json", "outside the project folder", "perf.allowFilesOutsideProject");
    }

    @Test
    void anAbsolutePathOutsideIsRefused() {
        refused(outside.resolve("body.json").toString(), "outside the project folder");
        refused("/proc/self/environ", "outside the project folder");
    }

    @Test
    void aSymbolicLinkInsideThatPointsOutsideIsRefused() throws Exception {
        Files.createSymbolicLink(scenarios.resolve("innocent.json"), outside.resolve("body.json"));
        refused("innocent.json", "through a symbolic link", "outside the project folder");
        // a link to a folder outside, then a file in it
        Files.createSymbolicLink(scenarios.resolve("shared"), outside);
        refused("shared/body.json", "outside the project folder");
    }

    @Test
    void aSymbolicLinkThatStaysInsideIsRead() throws Exception {
        Files.createSymbolicLink(scenarios.resolve("link.json"), project.resolve("body.json"));
        assertThat(load("link.json", false).flows().get(0).steps().get(0).request().body()).isNotEmpty();
    }

    @Test
    void theOptInAllowsFilesOutside() throws Exception {
        assertThat(new String(load("../../../../outside/body.json", true).flows().get(0).steps().get(0).request()
                .body(), StandardCharsets.UTF_8)).contains("OUTSIDE-CONTENT");
    }

    @Test
    void aFileLargerThanItClaimsIsReadOnlyUpToTheLimit() throws Exception {
        // a 600 MB sparse scenario: refused after reading 1 MiB, in a 256 MB heap
        Path huge = scenarios.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(600L * 1024 * 1024);
        }
        assertThatThrownBy(() -> new ScenarioLoader(Substitutor.none()).load(huge))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("huge.yaml:0:0: is larger than 1 MiB, the limit for a scenario file");
    }

    @Test
    void aBodyFileOverItsLimitIsRefusedWithoutBeingRead() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(project.resolve("big.json").toFile(), "rw")) {
            file.setLength(17L * 1024 * 1024);
        }
        refused("../../../big.json", "larger than 16 MiB");
    }
}
