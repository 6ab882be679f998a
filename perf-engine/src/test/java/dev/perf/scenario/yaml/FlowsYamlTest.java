package dev.perf.scenario.yaml;

import dev.perf.scenario.Capture;
import dev.perf.scenario.Check;
import dev.perf.scenario.Flow;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.perf.testing.Scenarios.parse;
import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code flows:}, captures, checks and pauses: what is read, and every mistake with its position. */
class FlowsYamlTest {
    private static final String HEAD = """
            target: { baseUrl: http://localhost }
            load: { rate: 1/s, duration: 1s }
            """;

    @Test
    void aFlowIsReadWithItsStepsCapturesChecksAndPauses() {
        Scenario s = parse(HEAD + """
                requests: [ { name: home, path: /, check: [ { maxTime: 300ms } ] } ]
                flows:
                  - name: journey
                    weight: 3
                    think: 1s
                    steps:
                      - name: create
                        method: POST
                        path: /customers
                        json: { name: "n-${seq}" }
                        capture: { id: $.id, loc: { header: Location }, n: { regex: 'n-(\\d+)' }, sid: { cookie: SID } }
                      - { name: read, path: "/customers/${id}", think: 200ms..2s,
                          check: [ { json: "$.items[0].name", equals: "${n}" }, { header: ETag, fail: false } ] }
                      - { name: gone, path: "${loc}" }
                """);
        assertThat(s.flows()).extracting(Flow::name).containsExactly("home", "journey");
        assertThat(s.requests()).extracting(r -> r.name()).containsExactly("home", "create", "read", "gone");
        Flow journey = s.flows().get(1);
        assertThat(journey.weight()).isEqualTo(3);
        assertThat(journey.single()).isFalse();
        Step create = journey.steps().get(0);
        assertThat(create.captures()).extracting(Capture::variable, Capture::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("id", Capture.Source.JSON_PATH),
                org.assertj.core.groups.Tuple.tuple("loc", Capture.Source.HEADER),
                org.assertj.core.groups.Tuple.tuple("n", Capture.Source.REGEX),
                org.assertj.core.groups.Tuple.tuple("sid", Capture.Source.COOKIE));
        assertThat(new String(create.request().body())).isEqualTo("{\"name\":\"n-${seq}\"}");
        assertThat(create.thinkMin()).isEqualTo(Duration.ofSeconds(1));
        Step read = journey.steps().get(1);
        assertThat(read.request().path()).isEqualTo("/customers/${id}");
        assertThat(read.thinkMin()).isEqualTo(Duration.ofMillis(200));
        assertThat(read.thinkMax()).isEqualTo(Duration.ofSeconds(2));
        assertThat(read.checks()).extracting(Check::name, Check::kind, Check::fails).containsExactly(
                org.assertj.core.groups.Tuple.tuple("json $.items[0].name = ${n}", Check.Kind.JSON_PATH_EQUALS, true),
                org.assertj.core.groups.Tuple.tuple("header ETag", Check.Kind.HEADER_PRESENT, false));
        assertThat(s.flows().get(0).steps().get(0).checks()).singleElement()
                .satisfies(c -> assertThat(c.maxTime()).isEqualTo(Duration.ofMillis(300)));
    }

    @Test
    void aFlowOnlyScenarioNeedsNoRequests() {
        assertThat(parse(HEAD + "flows: [ { name: f, steps: [ { name: a, path: /a } ] } ]\n").flows()).hasSize(1);
    }

    @Test
    void everyMistakeIsReportedWithItsPlace() {
        String message = problems(HEAD + """
                flows:
                  - name: bad flow
                    think: 2s..1s
                    steps:
                      - { name: a, path: "/c/${id}" }
                      - name: b
                        path: /b
                        capture: { id: { json: "$..id" }, 9x: $.x, other: { header: A, cookie: B } }
                        check:
                          - { bodyContains: x, equals: y }
                          - { header: A, json: $.b }
                          - { json: "$.items[?(@.a)]" }
                          - { maxTime: soon }
                          - { bodyMatches: "(" }
                          - { hedaer: A }
                      - { name: a, path: /again }
                  - { name: empty, steps: [] }
                  - name: weight-in-step
                    steps: [ { name: w, path: /w, weight: 2 } ]
                """).getMessage();
        assertThat(message)
                .contains(":4:11: flows[0].name: 'bad flow' is not valid")
                .contains(":5:12: flows[0].think: '2s..1s': the range must run from the shorter to the longer pause")
                .contains(":7:9: flows[0].steps[0]: uses ${id} before any step captures it")
                .contains("flows[0].steps[1].capture.id.json: '$..id' uses '..' (deep scan)")
                .contains("flows[0].steps[1].capture.9x: '9x' is not a valid variable name")
                .contains("flows[0].steps[1].capture.other: give exactly one source: json, header, regex or cookie")
                .contains("flows[0].steps[1].check[0]: equals and exists go with header or json, not bodyContains")
                .contains("flows[0].steps[1].check[1]: checks [header, json] at once")
                .contains("flows[0].steps[1].check[2].json: '$.items[?(@.a)]' uses '[?(@.a)]' (filters")
                .contains("flows[0].steps[1].check[3].maxTime: 'soon'")
                .contains("flows[0].steps[1].check[4].bodyMatches: '(' is not a valid regular expression")
                .contains("flows[0].steps[1].check[5].hedaer: unknown key 'hedaer'; did you mean 'header'?")
                .contains("flows[0].steps[2].name: duplicate request name 'a'; it is already used on line 7")
                .contains("flows[1].steps: the list is empty")
                .contains("flows[2].steps[0].weight: unknown key 'weight'");
    }

    @Test
    void anUndefinedVariableOutsideAFlowNamesWhatCouldDefineIt() {
        assertThat(problems(HEAD + "requests: [ { name: a, path: \"/c/${id}\" } ]\n").getMessage())
                .contains("property 'id' is not defined; pass -Did=value")
                .contains("in a flow, a variable must be captured by an earlier step")
                .contains("generators: now, nowMillis, seq, uuid, randomInt(min,max), randomString(length)");
    }

    @Test
    void generatorsWorkInPlainRequestsToo() {
        Scenario s = parse(HEAD + "requests: [ { name: a, path: \"/c/${uuid}\", query: { n: \"${randomInt(1,9)}\" } } ]\n");
        assertThat(s.requests().get(0).path()).isEqualTo("/c/${uuid}");
        assertThat(List.of(s.requests().get(0).query().get(0).getValue())).containsExactly("${randomInt(1,9)}");
    }
}
