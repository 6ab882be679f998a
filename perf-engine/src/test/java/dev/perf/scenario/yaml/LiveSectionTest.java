package dev.perf.scenario.yaml;

import dev.perf.scenario.LiveSpec;
import dev.perf.testing.Scenarios;
import org.junit.jupiter.api.Test;

import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

class LiveSectionTest {
    private static final String HEAD = """
            target: { baseUrl: http://localhost }
            requests: [ { name: get, path: /a } ]
            load: { rate: 10/s, duration: 10s }
            """;

    @Test
    void noEndpointUnlessAPortIsGivenAndLoopbackUnlessAHostIs() {
        assertThat(Scenarios.parse(HEAD).live()).isEqualTo(LiveSpec.none());
        assertThat(Scenarios.parse(HEAD).live().serves()).isFalse();
        LiveSpec live = Scenarios.parse(HEAD + "live: { port: 9464 }\n").live();
        assertThat(live.serves()).isTrue();
        assertThat(live.port()).isEqualTo(9464);
        assertThat(live.hostOrLoopback()).isEqualTo("127.0.0.1");
        assertThat(Scenarios.parse(HEAD + "live: { port: 0, host: 0.0.0.0 }\n").live())
                .isEqualTo(new LiveSpec(0, "0.0.0.0"));
        LiveSpec push = Scenarios.parse(HEAD + "live: { otlp: \"http://127.0.0.1:4318\", otlpInterval: 2s }\n").live();
        assertThat(push.pushes()).isTrue();
        assertThat(push.serves()).isFalse();
        assertThat(push.otlpIntervalOrDefault()).isEqualTo(java.time.Duration.ofSeconds(2));
        assertThat(Scenarios.parse(HEAD + "live: { otlp: \"http://127.0.0.1:4318\" }\n").live()
                .otlpIntervalOrDefault()).isEqualTo(LiveSpec.DEFAULT_OTLP_INTERVAL);
    }

    @Test
    void theCommandLineReplacesWhatTheFileSays() {
        LiveSpec file = Scenarios.parse(HEAD + "live: { port: 9464, host: 127.0.0.1 }\n").live();
        assertThat(file.overriddenBy(new LiveSpec(19464, null))).isEqualTo(new LiveSpec(19464, "127.0.0.1"));
        assertThat(LiveSpec.none().overriddenBy(new LiveSpec(null, "::1"))).isEqualTo(new LiveSpec(null, "::1"));
        assertThat(LiveSpec.none().overriddenBy(new LiveSpec(null, "::1")).serves()).isFalse();
        assertThat(file.overriddenBy(new LiveSpec(null, null, "http://127.0.0.1:4318", null)))
                .isEqualTo(new LiveSpec(9464, "127.0.0.1", "http://127.0.0.1:4318", null));
    }

    @Test
    void mistakesSayWhereAndWhatIsValid() {
        ScenarioException e = problems(HEAD + """
                live:
                  port: 99999
                  prot: 9464
                """);
        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("live.port", "live.prot");
        assertThat(e.problems()).extracting(Problem::line).contains(5, 6);
        assertThat(e.getMessage()).contains("'99999' is not valid; expected a whole number from 0 to 65535");

        ScenarioException host = problems(HEAD + "live: { port: 9464, host: \"http://example.com/\" }\n");
        assertThat(host.problems()).extracting(Problem::field).containsExactly("live.host");
        assertThat(host.getMessage()).contains("is not an address to listen on");
        assertThat(problems(HEAD + "live: { host: 0.0.0.0 }\n").getMessage()).contains("add live.port");

        ScenarioException otlp = problems(HEAD + """
                live:
                  otlp: "grpc://collector:4317"
                  otlpInterval: 100ms
                """);
        assertThat(otlp.problems()).extracting(Problem::field).containsExactly("live.otlp", "live.otlpInterval");
        assertThat(otlp.getMessage()).contains("'grpc://collector:4317' is not an http:// or https:// URL")
                .contains("'100ms' is outside 1s to 1h");
        assertThat(problems(HEAD + "live: { otlp: \"http://user:pw@collector:4318\" }\n").getMessage())
                .contains("user name or password").doesNotContain("pw@");
    }
}
