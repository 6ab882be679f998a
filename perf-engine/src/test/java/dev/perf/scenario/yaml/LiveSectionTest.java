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
    }

    @Test
    void theCommandLineReplacesWhatTheFileSays() {
        LiveSpec file = Scenarios.parse(HEAD + "live: { port: 9464, host: 127.0.0.1 }\n").live();
        assertThat(file.overriddenBy(19464, null)).isEqualTo(new LiveSpec(19464, "127.0.0.1"));
        assertThat(LiveSpec.none().overriddenBy(null, "::1")).isEqualTo(new LiveSpec(null, "::1"));
        assertThat(LiveSpec.none().overriddenBy(null, "::1").serves()).isFalse();
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

        ScenarioException host = problems(HEAD + "live: { host: \"http://example.com/\" }\n");
        assertThat(host.problems()).extracting(Problem::field).containsExactly("live.host", "live.host");
        assertThat(host.getMessage()).contains("is not an address to listen on").contains("add live.port");
    }
}
