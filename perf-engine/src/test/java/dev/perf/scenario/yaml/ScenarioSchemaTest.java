package dev.perf.scenario.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema editors use (schema/perf-scenario.schema.json) stays in step with the parser: it knows exactly the
 * keys each reader accepts, and it rejects a misspelt key. ScenarioSchemaCorpusTest checks it against the samples,
 * the docs and the bad-input corpus, with a second validator.
 */
class ScenarioSchemaTest {
    private static final Path SCHEMA = Path.of("../schema/perf-scenario.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each reader's key set, and where the schema lists the same keys. */
    private static final Map<String, String> KEYS_TO_SCHEMA = Map.ofEntries(
            Map.entry("ScenarioLoader.TOP_LEVEL", "/properties"),
            Map.entry("TargetReader.KEYS", "/properties/target/properties"),
            Map.entry("EnvironmentsReader.KEYS", "/properties/environments/additionalProperties/properties"),
            Map.entry("Defaults.KEYS", "/$defs/defaults/properties"),
            Map.entry("AuthReader.KEYS", "/$defs/auth/properties"),
            Map.entry("AuthReader.BASIC_KEYS", "/$defs/auth/properties/basic/properties"),
            Map.entry("HttpOptionsReader.PROXY_KEYS", "/$defs/defaults/properties/proxy/oneOf/1/properties"),
            Map.entry("HttpOptionsReader.TLS_KEYS", "/$defs/defaults/properties/tls/properties"),
            Map.entry("FeedersReader.KEYS", "/$defs/feeder/properties"),
            Map.entry("RequestsReader.KEYS", "/$defs/request/properties"),
            Map.entry("RequestsReader.STEP_KEYS", "/$defs/step/properties"),
            Map.entry("RequestsReader.EXPECT_KEYS", "/$defs/expect/properties"),
            Map.entry("Bodies.PART_KEYS", "/$defs/part/properties"),
            Map.entry("FlowsReader.KEYS", "/$defs/flow/properties"),
            Map.entry("StepReader.CHECK_KEYS", "/$defs/check/properties"),
            Map.entry("StepReader.CAPTURE_KEYS", "/$defs/capture/oneOf/1/properties"),
            Map.entry("LoadReader.KEYS", "/$defs/load/properties"),
            Map.entry("StageListReader.KEYS", "/$defs/stage/properties"),
            Map.entry("MonitorReader.KEYS", "/$defs/monitor/properties"),
            Map.entry("ThresholdsReader.OPTION_KEYS", "/$defs/threshold/oneOf/1/properties"),
            Map.entry("MonitorReader.TARGET_KEYS", "/$defs/monitor/properties/target/properties"));

    @Test
    void theSchemaKnowsExactlyTheKeysTheParserAccepts() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA.toFile());
        for (Map.Entry<String, String> entry : KEYS_TO_SCHEMA.entrySet()) {
            String[] ref = entry.getKey().split("\\.");
            Field field = Class.forName("dev.perf.scenario.yaml." + ref[0]).getDeclaredField(ref[1]);
            field.setAccessible(true);
            @SuppressWarnings("unchecked")
            Set<String> parser = new TreeSet<>((Set<String>) field.get(null));
            Set<String> inSchema = new TreeSet<>();
            schema.at(entry.getValue()).fieldNames().forEachRemaining(inSchema::add);
            assertThat(inSchema).as(entry.getKey() + " vs " + entry.getValue()).isEqualTo(parser);
        }
    }

    @Test
    void theSchemaRejectsAMisspeltKeyAndAWrongChoice() throws Exception {
        JsonSchema schema = schema();
        assertThat(schema.validate(yaml("load: { rate: 10/s, durration: 1s }\n")))
                .anyMatch(m -> m.getMessage().contains("durration"));
        assertThat(schema.validate(yaml("feeders: { u: { file: u.csv, order: sideways } }\n"))).isNotEmpty();
        assertThat(schema.validate(yaml("requests: [ { name: a, path: /, weight: 1, capture: { id: $.id } } ]\n")))
                .as("captures belong to flow steps").anyMatch(m -> m.getMessage().contains("capture"));
    }

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
    }

    private static JsonNode yaml(String text) {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        return JSON.valueToTree(tree);
    }
}
