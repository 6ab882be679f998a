package dev.perf.scenario.yaml;

import dev.perf.scenario.Threshold;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** perf-track.yaml: the thresholds of tracked tests, and every mistake with file, line and field. */
class TrackFileReaderTest {
    private static final Path FILE = Path.of("src/test/resources/perf-track.yaml");

    @Test
    void readsEachTestsThresholdsInBothForms() throws Exception {
        Map<String, List<Threshold>> tests = TrackFileReader.parse(FILE, """
                tests:
                  CustomerClientTest:
                    thresholds:
                      - create-customer.p95 <= 200ms
                      - { threshold: "success-rate >= 95%", minSamples: 20 }
                      - p95 <= baseline * 1.2
                  OrdersTest: { thresholds: [ "generator.cpu.avg <= 80%" ] }
                """);

        assertThat(tests).containsOnlyKeys("CustomerClientTest", "OrdersTest");
        List<Threshold> client = tests.get("CustomerClientTest");
        assertThat(client).extracting(Threshold::expression).containsExactly("create-customer.p95 <= 200ms",
                "success-rate >= 95%", "p95 <= baseline * 1.2");
        assertThat(client.get(0).request()).isEqualTo("create-customer");
        assertThat(client.get(1).minSamples()).isEqualTo(20);
        assertThat(client.get(2).isRelative()).isTrue();
        assertThat(tests.get("OrdersTest").get(0).metric().monitor()).isNotNull();
    }

    @Test
    void hostileInputIsRefusedWithItsPosition() {
        StringBuilder laughs = new StringBuilder("tests:\n  a0: &a0 { thresholds: [ \"p95 <= 1s\" ] }\n");
        for (int i = 1; i < 8; i++) {
            laughs.append("  a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        assertThatThrownBy(() -> TrackFileReader.parse(FILE, laughs.toString()))
                .hasMessageContaining("perf-track.yaml:7:7: this value expands, through aliases (*name), to more than");
        assertThatThrownBy(() -> TrackFileReader.parse(FILE, """
                tests:
                  A: { thresholds: [ "error-rate <= NaN%" ] }
                  B: !custom { thresholds: [] }
                """)).hasMessageContaining("perf-track.yaml:2:22: tests.A.thresholds[0]: error-rate needs a number")
                .hasMessageContaining("perf-track.yaml:3:6: tests.B: tag !custom is not allowed");
        assertThatThrownBy(() -> TrackFileReader.parse(FILE, "tests: !!python/object:os.system { A: {} }\n"))
                .hasMessageContaining("perf-track.yaml:1:8: not valid YAML: Global tag is not allowed");
    }

    @Test
    void anEmptyFileHasNoThresholds() throws Exception {
        assertThat(TrackFileReader.parse(FILE, "# nothing yet\n")).isEmpty();
    }

    @Test
    void everyMistakeIsReportedWithItsLineAndField() {
        assertThatThrownBy(() -> TrackFileReader.parse(FILE, """
                tests:
                  CustomerClientTest:
                    threshold:
                      - p95 <= 200ms
                  OrdersTest:
                    thresholds:
                      - p95 <= fast
                      - breakpoint <= 100/s
                      - "p99 <= 1s over 10s"
                      - { threshold: "p99 <= 1s", abort: true }
                test: {}
                """)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("6 problems")
                .hasMessageContaining(FILE + ":3:5: tests.CustomerClientTest.threshold: unknown key 'threshold'; did you "
                        + "mean 'thresholds'?")
                .hasMessageContaining(":7:9: tests.OrdersTest.thresholds[0]: ")
                .hasMessageContaining(":8:9: tests.OrdersTest.thresholds[1]: breakpoint comes from the scalability "
                        + "analysis of a stepped load test")
                .hasMessageContaining(":9:9: tests.OrdersTest.thresholds[2]: 'after' and 'over' judge windows of a "
                        + "load run")
                .hasMessageContaining(":10:9: tests.OrdersTest.thresholds[3]: abort stops a load run early")
                .hasMessageContaining(":11:1: test: unknown key 'test'; did you mean 'tests'?");
    }

    @Test
    void unsafeYamlIsRefused() {
        assertThatThrownBy(() -> TrackFileReader.parse(FILE, "tests: !!javax.script.ScriptEngineManager []\n"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining(FILE + ":1:");
    }
}
