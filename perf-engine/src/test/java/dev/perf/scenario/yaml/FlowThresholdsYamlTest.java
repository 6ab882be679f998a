package dev.perf.scenario.yaml;

import dev.perf.scenario.Threshold;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.perf.testing.Scenarios.parse;
import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** Thresholds on a flow's iterations ({@code lifecycle.p95}, {@code lifecycle.duration.p95}) and on a flow's step. */
class FlowThresholdsYamlTest {
    private static final String HEAD = """
            target: { baseUrl: http://localhost }
            requests: [ { name: home, path: / } ]
            flows:
              - name: lifecycle
                steps:
                  - { name: create, method: POST, path: /c }
                  - { name: read, path: /c/1 }
            load: { rate: 1/s, duration: 1s }
            """;

    @Test
    void aFlowItsDurationAndItsStepsAreTargets() {
        List<Threshold> t = parse(HEAD + """
                thresholds:
                  - lifecycle.p95 <= 2s
                  - lifecycle.duration.p95 <= 2s
                  - lifecycle.success-rate >= 99%
                  - lifecycle.create.p99 <= 1s
                  - read.p99.9 <= 1s
                  - home.p95 <= 1s
                """).thresholds();
        assertThat(t).extracting(Threshold::request).containsExactly("lifecycle", "lifecycle", "lifecycle", "create",
                "read", "home");
        assertThat(t).extracting(Threshold::flow).containsExactly(true, true, true, false, false, false);
        assertThat(t.get(1).metric().name()).isEqualTo("p95");
        assertThat(t.get(3).expression()).as("the text as written").isEqualTo("lifecycle.create.p99 <= 1s");
        assertThat(t.get(4).metric().percentile()).isEqualTo(99.9);
    }

    @Test
    void mistakesSayWhatTheFlowsAndStepsAreWithPositions() {
        String message = problems(HEAD + """
                thresholds:
                  - lifecycl.p95 <= 2s
                  - lifecycle.update.p95 <= 1s
                  - nowhere.duration.p95 <= 1s
                  - lifecycle.dropped <= 0
                  - lifecycle.p95 <= baseline * 1.1
                  - { threshold: "lifecycle.p95 <= 2s", abort: true }
                  - lifecycle.p95 <= 2s over 10s
                  - home.duration.p95 <= 1s
                """).getMessage();
        assertThat(message).contains("10:5: thresholds[0]: no request or flow is named 'lifecycl'; did you mean "
                + "'lifecycle'? (requests: home, create, read; flows: lifecycle)");
        assertThat(message).contains("11:5: thresholds[1]: flow 'lifecycle' has no step 'update' (steps: create, read)");
        assertThat(message).contains("12:5: thresholds[2]: no flow is named 'nowhere' (flows: lifecycle)");
        assertThat(message).contains("13:5: thresholds[3]: lifecycle.dropped <= 0: a flow's iterations are not "
                + "dropped or checked as a whole");
        assertThat(message).contains("14:5: thresholds[4]: lifecycle.p95 <= baseline * 1.1: the history keeps");
        assertThat(message).contains("15:5: thresholds[5]: lifecycle.p95 <= 2s: abort judges requests while the run "
                + "goes; a flow is judged at the end");
        assertThat(message).contains("16:5: thresholds[6]: lifecycle.p95 <= 2s over 10s: after and over judge");
        assertThat(message).contains("17:5: thresholds[7]: no flow is named 'home'");
    }
}
