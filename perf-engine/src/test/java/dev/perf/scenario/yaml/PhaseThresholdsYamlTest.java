package dev.perf.scenario.yaml;

import dev.perf.scenario.Phase;
import dev.perf.scenario.Threshold;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.perf.testing.Scenarios.parse;
import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** Thresholds on the phases of the exchanges ({@code connect.p95}, {@code home.tls.max}, a flow's step's phase). */
class PhaseThresholdsYamlTest {
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
    void everyRequestARequestAndAFlowsStep() {
        List<Threshold> t = parse(HEAD + """
                thresholds:
                  - connect.p95 < 10ms
                  - home.tls.max < 50ms
                  - lifecycle.create.ttfb.p99 <= 200ms
                  - { threshold: "connect.count <= 20", abort: true, minSamples: 10 }
                """).thresholds();
        assertThat(t).extracting(Threshold::request).containsExactly(null, "home", "create", null);
        assertThat(t).extracting(th -> th.metric().phase()).containsExactly(Phase.CONNECT, Phase.TLS, Phase.TTFB,
                Phase.CONNECT);
        assertThat(t).extracting(Threshold::flow).containsOnly(false);
        assertThat(t.get(3).abort()).isTrue();
    }

    @Test
    void whatAPhaseCannotBeJudgedOnIsAProblemWithItsPosition() {
        String message = problems(HEAD + """
                thresholds:
                  - lifecycle.connect.p95 < 10ms
                  - ttfb.p95 < 200ms over 10s
                  - { threshold: "ttfb.p95 < 200ms", after: 5s }
                  - ttfb.p95 < baseline * 1.2
                  - connect.rps > 1
                  - homer.ttfb.p95 < 1s
                """).getMessage();
        assertThat(message).contains("10:5: thresholds[0]: lifecycle.connect.p95 < 10ms: phases are timed per "
                + "exchange, and a flow's iteration is several: judge the phase on a step "
                + "(lifecycle.STEP.connect.p95) or on every request (connect.p95)");
        assertThat(message).contains("11:5: thresholds[1]: 'over' judges request figures on windows of the run; "
                + "ttfb.p95 < 200ms cannot be");
        assertThat(message).contains("12:5: thresholds[2]: after and over judge request figures on part of the run");
        assertThat(message).contains("13:5: thresholds[3]: ttfb.p95: the history does not keep phase times");
        assertThat(message).contains("14:5: thresholds[4]: 'connect.rps': a phase takes avg, min, max, median, "
                + "stddev, a percentile (p95, p99.9) or count, e.g. connect.p95");
        assertThat(message).contains("15:5: thresholds[5]: no request or flow is named 'homer'; did you mean 'home'?");
    }

    @Test
    void aRequestNamedLikeAPhaseMakesThePhaseThresholdAmbiguous() {
        String message = problems("""
                target: { baseUrl: http://localhost }
                requests: [ { name: send, method: POST, path: /messages } ]
                load: { rate: 1/s, duration: 1s }
                thresholds: [ "send.p95 < 100ms" ]
                """).getMessage();
        assertThat(message).contains("4:15: thresholds[0]: 'send.p95 < 100ms' means the send phase of every request, "
                + "but a request or flow is named 'send' too; rename it, so that its thresholds say what they judge "
                + "(phase names: dns, connect, tls, send, ttfb, receive)");
    }
}
