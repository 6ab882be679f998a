package dev.perf.scenario.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JSON Schema says what {@code perf:validate} says, as far as one file's values can tell: judged by two
 * independent validators (networknt's in Java, and Ajv, the validator most editors' tooling is built on, from npm),
 * every sample, fixture and whole scenario of the docs is valid, and every file of the bad-input corpus (which the
 * validator refuses, see BadInputCorpusTest) is invalid, except those listed here with why a schema cannot see their
 * problem. Both validators must agree on every file.
 */
class ScenarioSchemaCorpusTest {
    private static final Path SCHEMAS = Path.of("../schema").toAbsolutePath().normalize();
    private static final Path BAD = Path.of("src/test/resources/bad-input");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DOC_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    /** Bad files whose problem is beyond what a JSON Schema sees in one file's values, and why. */
    private static final Map<String, String> BEYOND_A_SCHEMA = beyondASchema();

    private static Map<String, String> beyondASchema() {
        Map<String, String> why = new TreeMap<>();
        String files = "a file it names: outside the project, missing or not what it should be";
        for (String name : List.of("body-file-absolute", "body-file-binary", "body-file-directory", "body-file-etc-passwd",
                "body-file-missing", "body-file-nul-name", "body-file-outside-dotdot", "body-file-proc-environ",
                "feeder-bad-header", "feeder-etc-passwd", "feeder-outside", "feeder-unclosed-quote", "include-etc-passwd",
                "include-outside", "multipart-outside", "trust-store-not-a-store", "trust-store-outside")) {
            why.put(name, files);
        }
        String variables = "a ${...} variable: its value (or its absence) is known only when the run starts";
        for (String name : List.of("env-undefined", "property-undefined", "unclosed-reference", "secret-in-bad-duration",
                "secret-in-bad-rate", "secret-in-bad-url", "random-int-overflow", "random-string-huge",
                "random-string-zero", "path-generator")) {
            why.put(name, variables);
        }
        String limits = "a limit on a value's size that a pattern does not count (a duration's total, a count's magnitude)";
        for (String name : List.of("duration-292-years", "duration-huge-digits", "duration-over-max",
                "duration-overflow-sum", "rate-huge", "users-huge", "threshold-huge-count", "size-huge",
                "body-contains-too-long", "line-too-long")) {
            why.put(name, limits);
        }
        String meaning = "the meaning of a text: a regular expression that does not compile, a JSON path, which "
                + "metrics exist and which unit each takes";
        for (String name : List.of("check-bad-regex", "capture-bad-json-path", "threshold-unknown-metric",
                "threshold-no-unit")) {
            why.put(name, meaning);
        }
        String yaml = "YAML itself, which an editor's YAML parser judges before a schema: a duplicate key, bytes that "
                + "are not UTF-8";
        for (String name : List.of("duplicate-key", "not-utf8")) {
            why.put(name, yaml);
        }
        why.put("bomb-nested-defaults", variables);
        return why;
    }

    @TempDir
    Path documents;

    @Test
    void theSchemaAndTheValidatorAgreeOnEveryGoodAndBadFile() throws Exception {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        try (Stream<Path> samples = Files.walk(Path.of("../sample-scenarios/src/test/perf"));
             Stream<Path> fixtures = Files.walk(Path.of("src/test/resources/scenarios"))) {
            for (Path file : Stream.concat(samples, fixtures).filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                boolean included = file.getParent().getFileName().toString().equals("shared");
                String name = "good-" + file.getFileName().toString().replace(".yaml", "");
                if (file.endsWith("many-errors.yaml")) {
                    name = "bad-many-errors";
                }
                if (write(Files.readString(file), name, included)) {
                    expected.put(name + (included ? ".include.json" : ".scenario.json"), !name.startsWith("bad-"));
                }
            }
        }
        // the docs' blocks: a whole scenario as it is, a fragment inside what it lacks (as DocsYamlTest loads them)
        int docs = 0;
        for (Path page : docPages()) {
            Matcher block = DOC_BLOCK.matcher(Files.readString(page));
            while (block.find()) {
                String yaml = block.group(1);
                Object tree = yaml.startsWith("# not a scenario") ? null : parse(yaml);
                if (!(tree instanceof Map<?, ?> map) || map.containsKey("tests")) {
                    continue; // a CI pipeline, a perf-track.yaml, or a list of steps shown on its own
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> scenario = new LinkedHashMap<>((Map<String, Object>) map);
                if (!scenario.containsKey("environments")) {
                    scenario.putIfAbsent("target", Map.of("baseUrl", "http://127.0.0.1:8080"));
                }
                if (!scenario.containsKey("flows") && !scenario.containsKey("include")) {
                    scenario.putIfAbsent("requests", List.of(Map.of("name", "home", "path", "/")));
                }
                scenario.putIfAbsent("load", Map.of("rate", "10/s", "duration", "1m"));
                String name = "good-doc-" + page.getFileName().toString().replace(".md", "") + "-" + ++docs;
                JSON.writeValue(documents.resolve(name + ".scenario.json").toFile(), scenario);
                expected.put(name + ".scenario.json", true);
            }
        }
        assertThat(docs).as("scenarios and fragments in the docs").isGreaterThan(15);
        List<String> bad;
        try (Stream<Path> files = Files.list(BAD)) {
            bad = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
        }
        int notYaml = 0;
        for (String file : bad) {
            String name = file.replace(".yaml", "");
            String text = new String(Files.readAllBytes(BAD.resolve(file)), StandardCharsets.UTF_8);
            if (!write(text, "bad-" + name, false)) {
                notYaml++; // an editor's YAML parser flags it before any schema does
                continue;
            }
            expected.put("bad-" + name + ".scenario.json", BEYOND_A_SCHEMA.containsKey(name) ? null : false);
        }
        assertThat(notYaml).as("bad files that are not YAML at all").isLessThan(bad.size() / 3);

        Map<String, Boolean> java = javaVerdicts();
        Map<String, Boolean> ajv = ajvVerdicts();
        List<String> wrong = new ArrayList<>();
        expected.forEach((file, valid) -> {
            if (valid != null && java.get(file) != valid) {
                wrong.add(file + ": networknt says " + (java.get(file) ? "valid" : "invalid"));
            }
            if (ajv != null && ajv.get(file) != java.get(file)) {
                wrong.add(file + ": Ajv says " + (ajv.get(file) ? "valid" : "invalid") + ", networknt does not");
            }
        });
        assertThat(wrong).as("files on which the schema disagrees with perf:validate, or the validators with "
                + "each other").isEmpty();
        long good = expected.values().stream().filter(Boolean.TRUE::equals).count();
        long refused = expected.values().stream().filter(Boolean.FALSE::equals).count();
        System.out.printf("[schema corpus] %d valid files; of %d bad ones, %d refused by the schema, %d beyond a "
                + "schema (listed), %d not YAML; judged by networknt%s%n", good, bad.size(), refused,
                BEYOND_A_SCHEMA.size(), notYaml, ajv == null ? " only" : " and Ajv");
        List<String> listedButCaught = new ArrayList<>();
        BEYOND_A_SCHEMA.keySet().forEach(name -> {
            if (Boolean.FALSE.equals(java.get("bad-" + name + ".scenario.json"))) {
                listedButCaught.add(name);
            }
        });
        assertThat(listedButCaught).as("listed as beyond a schema, but the schema refuses them: take them off the list")
                .isEmpty();
        assertThat(BEYOND_A_SCHEMA.keySet()).as("every listed file exists").allMatch(n -> bad.contains(n + ".yaml"));
    }

    /** The issue's own examples: what editors showed as fine and perf:validate refused. */
    @Test
    void whatEditorsLetThroughBeforeIsRefused() throws Exception {
        String ok = "target: { baseUrl: \"http://127.0.0.1:8080\" }\nrequests: [ { name: a, path: / } ]\n";
        Map<String, String> cases = Map.of(
                "empty", "{}",
                "rate-word", ok + "load: { rate: fast, duration: 1m }",
                "path-relative", "target: { baseUrl: \"http://127.0.0.1:8080\" }\nrequests: [ { name: a, path: x } ]\n"
                        + "load: { rate: 10/s, duration: 1m }",
                "two-models", ok + "load: { rate: 10/s, concurrency: 5, duration: 1m }",
                "no-duration", ok + "load: { rate: 10/s }",
                "steps-without-step-duration", ok + "load: { rate: [10, 20] }",
                "threshold-without-operator", ok + "load: { rate: 10/s, duration: 1m }\nthresholds: [ \"p95 500ms\" ]",
                "duration-without-unit", ok + "load: { rate: 10/s, duration: 60 }");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(write(c.getValue(), c.getKey(), false)).isTrue();
        }
        Map<String, Boolean> java = javaVerdicts();
        Map<String, Boolean> ajv = ajvVerdicts();
        for (String name : cases.keySet()) {
            assertThat(java.get(name + ".scenario.json")).as(name).isFalse();
            if (ajv != null) {
                assertThat(ajv.get(name + ".scenario.json")).as(name + " (Ajv)").isFalse();
            }
        }
    }

    /** The YAML as a tree, or {@code null} when it does not parse. */
    private static Object parse(String yaml) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException notYaml) {
            return null;
        }
    }

    /** @return false when the text is not YAML (an editor's YAML parser flags it before any schema) */
    private boolean write(String yaml, String name, boolean included) throws IOException {
        Object tree;
        try {
            tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException notYaml) {
            return false;
        }
        if (tree == null) {
            tree = Map.of(); // an empty file is an empty mapping to an editor
        }
        if (depth(tree, 0) > 200) {
            return false; // nested beyond what JSON tools take: no schema gets to see it either
        }
        JSON.writeValue(documents.resolve(name + (included ? ".include.json" : ".scenario.json")).toFile(), tree);
        return true;
    }

    /** How deep a tree nests, counted no further than a little past {@code 200}. */
    private static int depth(Object tree, int depth) {
        if (depth > 200) {
            return depth;
        }
        Iterable<?> children = tree instanceof Map<?, ?> map ? map.values() : tree instanceof List<?> list ? list : List.of();
        int deepest = depth;
        for (Object child : children) {
            deepest = Math.max(deepest, depth(child, depth + 1));
        }
        return deepest;
    }

    private Map<String, Boolean> javaVerdicts() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder ->
                builder.schemaMappers(mappers -> mappers.mapPrefix("https://perf.dev/schema/", SCHEMAS.toUri().toString())));
        JsonSchema scenario = factory.getSchema(SchemaLocation.of("https://perf.dev/schema/perf-scenario.schema.json"));
        JsonSchema include = factory.getSchema(SchemaLocation.of("https://perf.dev/schema/perf-include.schema.json"));
        Map<String, Boolean> verdicts = new TreeMap<>();
        try (Stream<Path> files = Files.list(documents)) {
            for (Path file : files.sorted().toList()) {
                JsonNode document = JSON.readTree(file.toFile());
                String name = file.getFileName().toString();
                verdicts.put(name, (name.endsWith(".include.json") ? include : scenario).validate(document).isEmpty());
            }
        }
        return verdicts;
    }

    /**
     * Ajv's verdicts (schema/check/validate.mjs), or {@code null} where Node.js or Ajv is missing (skipped with a
     * message; under CI, where .ci/run installs them, that fails instead).
     */
    private Map<String, Boolean> ajvVerdicts() throws Exception {
        Path check = SCHEMAS.resolve("check");
        boolean installed = Files.isDirectory(check.resolve("node_modules/ajv"));
        if (!installed) {
            assertThat(System.getenv("CI")).as("Ajv is missing under CI: .ci/run installs it (npm ci --prefix "
                    + "schema/check)").isNull();
            System.out.println("[skip] Ajv not installed (npm ci --prefix schema/check): the schema was checked with "
                    + "networknt's validator only");
            return null;
        }
        Process node;
        try {
            node = new ProcessBuilder("node", check.resolve("validate.mjs").toString(), SCHEMAS.toString(),
                    documents.toString()).redirectErrorStream(true).start();
        } catch (IOException noNode) {
            assertThat(System.getenv("CI")).as("node is missing under CI").isNull();
            assumeTrue(false, "no node on the PATH: " + noNode.getMessage());
            return null;
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("Ajv finished").isTrue();
        assertThat(node.exitValue()).as("Ajv: " + output).isZero();
        Map<String, Boolean> verdicts = new TreeMap<>();
        for (String line : output.lines().toList()) {
            JsonNode verdict = JSON.readTree(line);
            verdicts.put(verdict.path("file").asText(), verdict.path("valid").asBoolean());
        }
        return verdicts;
    }

    private static List<Path> docPages() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            List<Path> pages = new ArrayList<>(docs.filter(f -> f.toString().endsWith(".md")).sorted().toList());
            pages.add(root.resolve("README.md"));
            return pages;
        }
    }
}
