package dev.perf.scenario.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** schema/perf-track.schema.json, for editors, stays in step with TrackFileReader and accepts the samples. */
class TrackSchemaTest {
    private static final Path SCHEMA = Path.of("../schema/perf-track.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemaKnowsTheKeysTheReaderAccepts() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        assertThat(names(schema.at("/properties"))).isEqualTo(new TreeSet<>(TrackFileReader.TOP_LEVEL));
        assertThat(names(schema.at("/properties/tests/additionalProperties/properties")))
                .isEqualTo(new TreeSet<>(TrackFileReader.TEST_KEYS));
        // of a threshold's options, those a tracked test accepts (after, over and abort are load-run options)
        assertThat(names(schema.at("/$defs/threshold/oneOf/1/properties"))).containsExactly("minSamples", "threshold")
                .allMatch(ThresholdsReader.OPTION_KEYS::contains);
    }

    @Test
    void theSamplesValidateAndMistakesAreRejected() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
        for (Path file : List.of(Path.of("../sample-scenarios/src/test/resources/perf-track.yaml"),
                Path.of("../perf-junit/src/test/resources/perf-track.yaml"))) {
            String text = Files.readString(file);
            assertThat(schema.validate(yaml(text))).as(file.toString()).isEmpty();
            assertThat(TrackFileReader.parse(file, text)).isNotEmpty();
        }
        assertThat(schema.validate(yaml("tests: { A: { threshold: [ p95 <= 1s ] } }\n"))).isNotEmpty();
        assertThat(schema.validate(yaml("tests: { A: { thresholds: [ { threshold: p95 <= 1s, abort: true } ] } }\n")))
                .isNotEmpty();
        assertThat(schema.validate(yaml("test: {}\n"))).isNotEmpty();
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }
}
