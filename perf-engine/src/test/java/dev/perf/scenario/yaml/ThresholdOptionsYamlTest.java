package dev.perf.scenario.yaml;

import dev.perf.analysis.Threshold;
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
    void optionsThatCannotWorkAreErrors() {
        String message = problems(HEAD + """
                thresholds:
                  - { threshold: "target.cpu.avg < 50%", abort: true }
                  - { threshold: "p95 <= baseline * 1.1", abort: true }
                  - { threshold: "cpu.max < 90%", minSamples: 10 }
                  - { abort: true }
                  - { threshold: "p95 <= 1s", after: 30s }
                """).getMessage();
        assertThat(message)
                .contains("thresholds[0].abort: abort judges request figures while the run goes")
                .contains("thresholds[1].abort: abort judges request figures while the run goes")
                .contains("thresholds[2].minSamples: minSamples counts responses")
                .contains("thresholds[3].threshold: missing")
                .contains("thresholds[4].after: unknown key 'after'");
    }
}
