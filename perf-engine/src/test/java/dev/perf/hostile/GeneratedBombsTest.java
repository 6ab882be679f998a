package dev.perf.hostile;

import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Inputs too large to keep as files: each is refused with its position, in a 256 MB heap (this package's own JVM) and
 * in bounded time (30 s, far above what they take: `bench/validate.sh` measures that).
 */
class GeneratedBombsTest {
    private static final String HEAD = "target: { baseUrl: http://127.0.0.1:9 }\nload: { concurrency: 1, iterations: 1 }\n";
    @TempDir
    Path dir;

    private String refusal(String yaml) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                new ScenarioLoader(Substitutor.none()).load(file);
            } catch (ScenarioException e) {
                return e.getMessage();
            }
            throw new AssertionError("accepted");
        });
    }

    @Test
    void aOneMegabyteLineIsRefusedBeforeTheParserCopiesItAThousandTimes() throws Exception {
        assertThat(refusal(HEAD + "requests: [ { name: a, path: / } ]\n#" + "c".repeat(1024 * 1024 - 200) + "\n"))
                .contains("s.yaml:4:1: this line is longer than 65536 characters");
    }

    @Test
    void aLongStringAliasedTwentyThousandTimesIsRefused() throws Exception {
        StringBuilder string = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            string.append("        ").append("x".repeat(35_000)).append('\n');
        }
        String yaml = HEAD + "requests:\n  - name: a\n    path: /\n    headers:\n      X-Big: &s |\n" + string
                + "    query:\n      q:\n" + "        - *s\n".repeat(20_000);
        assertThat(refusal(yaml)).contains("s.yaml:30:9: this value expands, through aliases (*name), to more than 8 MB");
    }

    @Test
    void aFileOfNothingButAliasesIsRefused() throws Exception {
        // nearly 1 MiB of aliases to one small list: 80 000 aliases, 240 000 values
        String yaml = HEAD + "requests:\n  - name: a\n    path: /\n    query:\n      a: &a [x, y]\n      b:\n"
                + "        - *a\n".repeat(80_000);
        assertThat(yaml.length()).isLessThan(1024 * 1024);
        assertThat(refusal(yaml)).contains("s.yaml:9:9: this value expands, through aliases (*name), to more than "
                + "200000 values");
    }
}
