package dev.perf.scenario.yaml;

import dev.perf.scenario.HttpMethod;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.UsersStage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

class ScenarioLoaderTest {
    private static final Path FIXTURES = Path.of("src/test/resources/scenarios");

    @Test
    void problemsAreListedInTheOrderOfTheFileWhateverOrderTheyWereFoundIn() {
        // thresholds are read after requests, but stand first here
        ScenarioException e = problems("""
                target: { baseUrl: http://localhost }
                thresholds: [ "p99 < banana" ]
                requests: [ { name: a, path: noslash } ]
                load: { rate: 10/s, duration: 1s, maxInFlight: -1 }
                """);
        assertThat(e.problems()).extracting(Problem::line).isSorted().contains(2, 3, 4);
        assertThat(e.getMessage().indexOf("test.yaml:2:")).isLessThan(e.getMessage().indexOf("test.yaml:3:"));
    }

    @Test
    void oneUserForOneRequestIsWrittenInTheSingular() {
        assertThat(dev.perf.testing.Scenarios.parse("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: / } ]
                load: { concurrency: 1, iterations: 1 }
                """).load().describe()).isEqualTo("1 user for 1 request");
    }

    @Test
    void loadsEveryFieldOfVersionOne() throws Exception {
        Scenario s = new ScenarioLoader(new Substitutor(Map.of(), Map.of("traceId", "abc")))
                .load(FIXTURES.resolve("customer-api.yaml"));
        assertThat(s.name()).isEqualTo("customer-api");
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.requests()).extracting(RequestSpec::name)
                .containsExactly("create-customer", "get-customer", "update-customer");

        RequestSpec create = s.requests().get(0);
        assertThat(create.method()).isEqualTo(HttpMethod.POST);
        assertThat(create.url(s.baseUrl())).isEqualTo("http://localhost:8080/customers");
        assertThat(new String(create.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"name\":\"User\",\"age\":42,\"vip\":true,\"tags\":[\"a\",\"b\"],\"address\":null,\"score\":1.5}");
        assertThat(create.headers()).containsEntry("Content-Type", "application/json").containsEntry("Accept", "application/json");
        assertThat(create.expect().accepts(201)).isTrue();
        assertThat(create.expect().accepts(204)).isFalse();
        assertThat(create.weight()).isEqualTo(3);

        RequestSpec get = s.requests().get(1);
        assertThat(get.method()).isEqualTo(HttpMethod.GET);
        assertThat(get.query()).extracting(Map.Entry::getValue).containsExactly("name", "email", "true");
        assertThat(get.headers()).containsEntry("X-Trace", "abc");
        assertThat(get.expect().accepts(200)).isTrue();
        assertThat(get.expect().accepts(201)).isFalse();

        RequestSpec update = s.requests().get(2);
        assertThat(update.headers()).containsEntry("Accept", "*/*");
        assertThat(update.expect().accepts(204)).isTrue();

        assertThat(s.load().stages()).containsExactly(new RateStage(0, 200, Duration.ofSeconds(10)),
                new RateStage(200, 200, Duration.ofSeconds(30)));
        assertThat(s.load().describe()).isEqualTo("ramp 0/s -> 200/s over 10s, then 200/s for 30s");
        assertThat(s.thresholds()).hasSize(3);
        assertThat(s.thresholds().get(2).request()).isEqualTo("create-customer");
    }

    @Test
    void reportsEveryProblemOfAFileAtOnceWithLines() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> new ScenarioLoader(Substitutor.none()).load(FIXTURES.resolve("many-errors.yaml")));
        assertThat(e.problems()).extracting(Problem::line).containsExactly(3, 5, 6, 7, 10, 13, 15, 16);
        assertThat(e.getMessage())
                .contains("many-errors.yaml:3:12: target.baseUrl: 'localhost:8080' is not valid")
                .contains("requests[0].name: 'get one' is not valid")
                .contains("'GETT' is not a method; did you mean 'GET'?")
                .contains("requests[0].path: 'customers' must start with '/'")
                .contains("'700' is not valid; expected a whole number from 100 to 599")
                .contains("unknown key 'duraton'; did you mean 'duration'?")
                .contains("p95 needs a duration with a unit such as 500ms")
                .contains("no request is named 'okk'; did you mean 'ok'?");
    }

    @Test
    void pointsACaretAtTheBadValue() {
        ScenarioException e = problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load: { rate: fast, duration: 1s }
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(15);
            assertThat(p.field()).isEqualTo("load.rate");
            assertThat(p.format()).contains("load: { rate: fast, duration: 1s }").endsWith(" ".repeat(18) + "^");
        });
    }

    @Test
    void misspeltTopLevelKey() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                request: [ { name: a, path: /a } ]
                load: { rate: 1/s, duration: 1s }
                """), 2, "unknown key 'request'; did you mean 'requests'?");
    }

    @Test
    void missingSections() {
        ScenarioException e = problems("""
                name: nothing
                """);
        assertThat(e.getMessage()).contains("target: missing").contains("requests: missing").contains("load: missing");
    }

    @Test
    void badDuration() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load:
                  concurrency: 5
                  duration: 30 seconds
                """), 5, "load.duration: '30 seconds' is not a duration; expected a number with a unit");
    }

    @Test
    void rateAndConcurrencyTogether() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load:
                  rate: 10/s
                  concurrency: 5
                  duration: 30s
                """), 5, "give either rate (open model: arrivals per second) or concurrency");
    }

    @Test
    void closedModelWithoutAnEnd() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load: { concurrency: 5 }
                """), 3, "needs 'duration' (e.g. 30s) or 'iterations'");
    }

    @Test
    void closedModelByIterations() throws Exception {
        Scenario s = new ScenarioLoader(Substitutor.none()).parse(Path.of("x.yaml"), """
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load: { concurrency: 5, iterations: 100 }
                """);
        assertThat(s.name()).isEqualTo("x");
        assertThat(s.load().stages()).containsExactly(new UsersStage(5, null, 100));
    }

    @Test
    void undefinedEnvironmentVariable() {
        assertSingleProblem(problems("""
                target: { baseUrl: "${env.PERF_TEST_UNSET_URL}" }
                requests: [ { name: a, path: /a } ]
                load: { rate: 1/s, duration: 1s }
                """), 1, "environment variable PERF_TEST_UNSET_URL is not set; set it, or give a default");
    }

    @Test
    void environmentAndPropertiesAreSubstituted() throws Exception {
        Scenario s = new ScenarioLoader(new Substitutor(Map.of("HOST", "127.0.0.1"), Map.of("demo.port", "9090")))
                .parse(Path.of("x.yaml"), """
                        target: { baseUrl: "http://${env.HOST}:${demo.port}" }
                        requests: [ { name: a, path: /a } ]
                        load: { rate: 1/s, duration: 1s }
                        """);
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:9090");
    }

    @Test
    void undefinedProperty() {
        assertSingleProblem(problems("""
                target: { baseUrl: "http://localhost:${port}" }
                requests: [ { name: a, path: /a } ]
                load: { rate: 1/s, duration: 1s }
                """), 1, "property 'port' is not defined; pass -Dport=value");
    }

    @Test
    void duplicateKey() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load:
                  rate: 1/s
                  duration: 1s
                  duration: 2s
                """), 6, "duplicate key 'duration'; it is already set on line 5");
    }

    @Test
    void duplicateRequestName() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests:
                  - { name: a, path: /a }
                  - { name: a, path: /b }
                load: { rate: 1/s, duration: 1s }
                """), 4, "duplicate request name 'a'; it is already used on line 3 (request and step names name "
                + "their metrics, so each is unique in the scenario)");
    }

    @Test
    void jsonAndBodyTogether() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests:
                  - name: a
                    path: /a
                    json: { x: 1 }
                    body: "x"
                load: { rate: 1/s, duration: 1s }
                """), 6, "give one body: json, body, bodyFile, form or multipart; this request has json and body");
    }

    @Test
    void yamlSyntaxError() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests:
                  - name: a
                   path: /a
                load: { rate: 1/s, duration: 1s }
                """), 4, "not valid YAML");
    }

    @Test
    void javaTypeTagsAreRefusedNotConstructed() {
        assertSingleProblem(problems("""
                target: { baseUrl: !!javax.script.ScriptEngineManager http://localhost }
                requests: [ { name: a, path: /a } ]
                load: { rate: 1/s, duration: 1s }
                """), 1, "is not allowed");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        ScenarioException e = problems(yaml.toString());
        // at a5, the first value that expands beyond the limit (10^6 values)
        assertThat(e.getMessage()).contains("test.yaml:6:5: this value expands, through aliases (*name), to more than "
                + "200000 values");
    }

    @Test
    void deepNestingIsRefused() {
        String yaml = "target: " + "[".repeat(200) + "]".repeat(200) + "\n";
        ScenarioException e = problems(yaml);
        assertThat(e.getMessage()).contains("test.yaml:1:48: nested more than 40 levels deep");
    }

    @Test
    void emptyFile() {
        assertSingleProblem(problems(""), 1, "the file is empty");
    }

    @Test
    void emptyRequestList() {
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests: []
                load: { rate: 1/s, duration: 1s }
                """), 2, "the list is empty; add at least one request");
    }

    @Test
    void optionsOfTheOtherModelAreRejectedWithTheReason() {
        ScenarioException e = problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load: { concurrency: 5, duration: 10s, rampUp: 5s, maxInFlight: 10 }
                """);
        assertThat(e.getMessage()).contains("rampUp applies to a rate").contains("maxInFlight caps the open model");
        assertSingleProblem(problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: a, path: /a } ]
                load:
                  rate: 5/s
                  duration: 10s
                  iterations: 10
                """), 6, "iterations bound the closed model only");
    }

    @Test
    void badStatusAndWeight() {
        ScenarioException e = problems("""
                target: { baseUrl: http://localhost }
                requests:
                  - name: a
                    path: /a
                    expect: { status: [200, ok] }
                    weight: 0
                load: { rate: 1/s, duration: 1s }
                """);
        assertThat(e.problems()).extracting(Problem::line).containsExactly(5, 6);
        assertThat(e.getMessage()).contains("'ok' is not valid; expected a whole number from 100 to 599")
                .contains("'0' is not valid; expected a whole number from 1 to 10000");
    }

    private static void assertSingleProblem(ScenarioException e, int line, String fragment) {
        List<Problem> problems = e.problems();
        assertThat(problems).as(e.getMessage()).hasSize(1);
        assertThat(problems.get(0).line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.getMessage()).contains(fragment);
    }
}
