package dev.perf.scenario.yaml;

import dev.perf.scenario.MonitorSpec;
import dev.perf.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

class MonitorSectionTest {
    private static final String HEAD = """
            target: { baseUrl: http://localhost }
            requests: [ { name: get, path: /a } ]
            load: { rate: 10/s, duration: 10s }
            """;

    @Test
    void monitoringIsOnByDefault() {
        assertThat(Scenarios.parse(HEAD).monitor()).isEqualTo(MonitorSpec.defaults());
    }

    @Test
    void readsEveryKey() {
        MonitorSpec spec = Scenarios.parse(HEAD + """
                monitor: { interval: 2s, machine: false, generator: true, target: { port: 8080 } }
                """).monitor();
        assertThat(spec).isEqualTo(new MonitorSpec(true, Duration.ofSeconds(2), false, true,
                new MonitorSpec.ByPort(8080)));
        assertThat(Scenarios.parse(HEAD + "monitor: { target: { pid: 42 } }\n").monitor().target())
                .isEqualTo(new MonitorSpec.ByPid(42));
        assertThat(Scenarios.parse(HEAD + "monitor: { target: { name: nginx } }\n").monitor().target())
                .isEqualTo(new MonitorSpec.ByName("nginx"));
        assertThat(Scenarios.parse(HEAD + "monitor: { enabled: false }\n").monitor().enabled()).isFalse();
    }

    @Test
    void mistakesSayWhatIsValid() {
        ScenarioException e = problems(HEAD + """
                monitor:
                  interval: 500ms
                  machine: yes
                  target: { pid: 1, port: 80 }
                  targte: x
                """);
        assertThat(e.problems()).extracting(Problem::field).containsExactlyInAnyOrder("monitor.interval",
                "monitor.machine", "monitor.target", "monitor.targte");
        assertThat(e.getMessage()).contains("is outside 1s to 1h")
                .contains("'yes' is not valid; expected true or false")
                .contains("name the target one way: { pid: 1234 }, { port: 8080 }")
                .contains("did you mean 'target'?");
        assertThat(problems(HEAD + "monitor: { target: { port: 70000 } }\n").getMessage())
                .contains("monitor.target.port: '70000' is not valid; expected a whole number from 1 to 65535");
    }

    @Test
    void resourceThresholdsAreValidatedLikeOthers() {
        assertThat(problems(HEAD + "thresholds: [ \"target.load.max < 2\" ]\n").getMessage())
                .contains("load is not measured for the target");
        assertThat(Scenarios.parse(HEAD + "thresholds: [ \"cpu.avg < 80%\", \"target.memory.max < 512MB\", "
                + "\"generator.cpu.avg < 90%\" ]\n").thresholds()).hasSize(3);
    }
}
