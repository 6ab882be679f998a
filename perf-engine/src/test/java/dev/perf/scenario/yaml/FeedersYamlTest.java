package dev.perf.scenario.yaml;

import dev.perf.scenario.FeederSpec;
import dev.perf.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code feeders:}: files read when the scenario loads, and every mistake in them reported with its place. */
class FeedersYamlTest {
    @TempDir
    Path dir;

    private Scenario load(String feeders, String path) throws Exception {
        return new ScenarioLoader(Substitutor.none()).parse(dir.resolve("s.yaml"), """
                target: { baseUrl: http://localhost }
                feeders:
                %s
                requests: [ { name: a, path: "%s" } ]
                load: { rate: 1/s, duration: 1s }
                """.formatted(feeders.indent(2).stripTrailing(), path));
    }

    @Test
    void aFeederIsReadWithItsColumnsAndRecordsAndItsColumnsAreVariables() throws Exception {
        Files.writeString(dir.resolve("users.csv"), "id,name\r\n1,\"Ada \"\"A\"\" L\"\r\n\r\n2,Grace\r\n");
        Scenario s = load("users: { file: users.csv, order: random, share: per-user }", "/u/${id}");
        FeederSpec f = s.feeders().get(0);
        assertThat(f.columns()).containsExactly("id", "name");
        assertThat(f.records()).containsExactly(List.of("1", "Ada \"A\" L"), List.of("2", "Grace"));
        assertThat(f.order()).isEqualTo(FeederSpec.Order.RANDOM);
        assertThat(f.share()).isEqualTo(FeederSpec.Share.PER_USER);
        assertThat(s.requests().get(0).path()).isEqualTo("/u/${id}");
    }

    @Test
    void aScenarioThatIsNotUtf8IsAProblemAndOneThatCannotBeReadIsPlumbing() throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[]{'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        ScenarioLoader loader = new ScenarioLoader(Substitutor.none());
        assertThatThrownBy(() -> loader.load(latin1)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("latin1.yaml:1:1: is not UTF-8 text from this line on; save the file as UTF-8");
        assertThatThrownBy(() -> loader.load(dir.resolve("missing.yaml"))).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot read the scenario file").hasMessageContaining("perf.scenariosDirectory");
    }

    @Test
    void badFilesAndValuesAreReportedBeforeAnythingRuns() throws Exception {
        Files.writeString(dir.resolve("header.csv"), "id,2nd\n1,2\n");
        Files.writeString(dir.resolve("short.csv"), "id,name\n1\n");
        Files.writeString(dir.resolve("empty.csv"), "id\n");
        Files.writeString(dir.resolve("open.csv"), "id\n\"1\n");
        Files.writeString(dir.resolve("a.csv"), "id\n1\n");
        assertThatThrownBy(() -> load("""
                missing: { file: nope.csv }
                header: { file: header.csv }
                short: { file: short.csv }
                empty: { file: empty.csv }
                open: { file: open.csv }
                values: { file: a.csv, order: sequentail, share: everyone }
                first: { file: a.csv }
                twice: { file: a.csv }
                """, "/x")).satisfies(e -> assertThat(e.getMessage())
                .contains("s.yaml:3:20: feeders.missing.file: 'nope.csv' is not a file (looked for " + dir.resolve("nope.csv"))
                .contains("s.yaml:4:19: feeders.header.file: 'header.csv' line 1: column 2 of the header row is not a variable name")
                .contains("feeders.short.file: 'short.csv': record 1 has 1 fields; the header has 2")
                .contains("feeders.empty.file: 'empty.csv' needs a header row naming the variables and at least one record")
                .contains("feeders.open.file: 'open.csv' cannot be read: the quote opened on line 2 is never closed")
                .contains("feeders.values.order: 'sequentail' is not valid; did you mean 'sequential'? (valid: "
                        + "sequential, circular, random)")
                .contains("feeders.values.share: 'everyone' is not valid (valid: global, per-user)")
                .contains("feeders.twice: column 'id' is also a column of feeder 'first'"));
    }
}
