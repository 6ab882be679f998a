package dev.perf.scenario.yaml;

import dev.perf.scenario.Threshold;
import org.junit.jupiter.api.Test;

import static dev.perf.testing.Scenarios.parse;
import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** The object form of a threshold, and its mistakes. */
class ThresholdOptionsYamlTest {
    private static final String HEAD = """
            target: { baseUrl: http://localhost }
            requests: [ { name: home, path: / } ]
            load: { rate: 1/s, duration: 1s }
            """;

    @Test
    void optionsAreReadBesideTheExpression() {
        Threshold t = parse(HEAD + "thresholds: [ { threshold: \"p99 <= 1s\", abort: true, minSamples: 50 }, p95 <= 2s ]\n")
                .thresholds().get(0);
        assertThat(t.expression()).isEqualTo("p99 <= 1s");
        assertThat(t.abort()).isTrue();
        assertThat(t.minSamples()).isEqualTo(50);
    }

    @Test
    void aWindowOrAWarmUpIsReadFromEitherForm() {
        var thresholds = parse(HEAD + "thresholds: [ \"p95 <= 500ms over 10s\", { threshold: \"home.p99 <= 1s\", "
                + "after: 30s, over: 5s } ]\n").thresholds();
        assertThat(thresholds.get(0).expression()).isEqualTo("p95 <= 500ms over 10s");
        assertThat(thresholds.get(0).over()).hasSeconds(10);
        assertThat(thresholds.get(1).expression()).isEqualTo("home.p99 <= 1s after 30s over 5s");
        assertThat(thresholds.get(1).after()).hasSeconds(30);
        assertThat(thresholds.get(1).request()).isEqualTo("home");
    }

    @Test
    void optionsThatCannotWorkAreErrors() {
        String message = problems(HEAD + """
                thresholds:
                  - { threshold: "target.cpu.avg < 50%", abort: true }
                  - { threshold: "p95 <= baseline * 1.1", abort: true }
                  - { threshold: "cpu.max < 90%", minSamples: 10 }
                  - { abort: true }
                  - { threshold: "p95 <= 1s", before: 30s }
                  - cpu.max < 90% over 10s
                  - { threshold: "p95 <= 1s", after: 30s, abort: true }
                  - apdex(500ms) >= baseline * 0.9
                  - apdex(soon) >= 0.9
                """).getMessage();
        assertThat(message)
                .contains("thresholds[0].abort: abort judges request figures while the run goes")
                .contains("thresholds[1].abort: abort judges request figures while the run goes")
                .contains("thresholds[2].minSamples: minSamples counts responses")
                .contains("thresholds[3].threshold: missing")
                .contains("thresholds[4].before: unknown key 'before'")
                .contains("thresholds[5]: 'over' judges request figures on windows of the run; cpu.max < 90% cannot be")
                .contains("thresholds[6]: after and over judge request figures on part of the run; p95 <= 1s after 30s "
                        + "with abort cannot be")
                .contains("thresholds[7]: apdex is judged on the whole run and against a limit")
                .contains("thresholds[8]: apdex needs its target time T, e.g. apdex(500ms); 'soon'");
    }

    @Test
    void whoseLatencyIsJudgedAndTheVerdictSectionAreCheckedWithPositions() {
        assertThat(parse(HEAD + "thresholds: [ { threshold: \"p99 <= 1s\", responses: all } ]\n").thresholds().get(0)
                .allResponses()).isTrue();
        var verdict = parse(HEAD + "verdict: { maxErrorRate: 2.5%, maxDropped: off, onSaturatedGenerator: fail }\n")
                .verdict();
        assertThat(verdict.maxErrorRatePercent()).isEqualTo(2.5);
        assertThat(verdict.maxDroppedPercent()).isNull();
        assertThat(verdict.onSaturatedGenerator()).isEqualTo(dev.perf.scenario.VerdictSpec.Saturation.FAIL);

        String message = problems(HEAD + """
                thresholds:
                  - { threshold: "p95 <= 1s", responses: some }
                  - { threshold: "error-rate < 1%", responses: all }
                verdict:
                  maxErrorRate: 1
                  maxDropped: 120%
                  onSaturatedGenerator: ignore
                  maxErrors: 1%
                """).getMessage();
        assertThat(message)
                .contains("test.yaml:5:42: thresholds[0].responses: 'some' is not valid; valid: successful")
                .contains("test.yaml:6:48: thresholds[1].responses: responses chooses whose latency is judged; "
                        + "error-rate < 1% is not a latency threshold")
                .contains("test.yaml:8:17: verdict.maxErrorRate: '1' is not a percentage from 0% to 100%; e.g. 1%, "
                        + "0.5%, or off for no gate")
                .contains("test.yaml:9:15: verdict.maxDropped: '120%' is not a percentage")
                .contains("test.yaml:10:25: verdict.onSaturatedGenerator: 'ignore' is not a policy; valid: warn")
                .contains("test.yaml:11:3: verdict.maxErrors: unknown key 'maxErrors' (valid here: maxErrorRate, maxDropped, "
                        + "onSaturatedGenerator)");
    }
}
