package dev.perf.report;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.analysis.ThresholdResult;
import dev.perf.engine.EngineOptions;
import dev.perf.engine.LoadEngine;
import dev.perf.metrics.LoadRun;
import dev.perf.engine.RunControl;
import dev.perf.scenario.Scenario;
import dev.perf.testing.Scenarios;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleReportTest {

    @Test
    void printsARowPerRequestAllStagesAndEachThresholdWithItsMeasuredValue() throws Exception {
        try (TestServer server = new TestServer()) {
            Scenario scenario = Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests:
                      - { name: get-one, path: /1 }
                      - { name: get-two, path: /2 }
                    load: { rate: 40/s, rampUp: 500ms, duration: 500ms }
                    thresholds: [ "success-rate >= 99%%", "get-two.p99 < 1us" ]
                    """.formatted(server.baseUrl()));
            LoadRun run = new LoadEngine(EngineOptions.defaults().withIoThreads(1)).run(scenario, new RunControl(), p -> { });
            RunFigures figures = new RunFigures(run.metrics().overall(), run.metrics().byRequest(), null, null);
            List<ThresholdResult> results = ThresholdEvaluator.evaluate(scenario.thresholds(), figures);
            List<String> lines = new ArrayList<>();
            ConsoleReport.print(scenario, run, figures, GeneratorCheck.check(null, run.metrics()), results, lines::add);

            assertThat(lines).anyMatch(l -> l.startsWith("  request ") && l.contains("p99") && l.contains("dropped"));
            assertThat(lines).anyMatch(l -> l.startsWith("  get-one "));
            assertThat(lines).anyMatch(l -> l.startsWith("  get-two "));
            assertThat(lines).anyMatch(l -> l.startsWith("  ALL ") && l.contains(" 30 "));
            assertThat(lines).contains("  stages:");
            assertThat(lines).anyMatch(l -> l.matches("    1\\s+ramp 0/s -> 40/s over 500ms\\s+10\\s+100\\.00%.*"));
            assertThat(lines).anyMatch(l -> l.matches("    2\\s+40/s for 500ms\\s+20\\s+100\\.00%.*"));
            assertThat(lines).contains("    PASS          success-rate >= 99%  (measured 100.00%)");
            assertThat(lines).anyMatch(l -> l.startsWith("    FAIL          get-two.p99 < 1us  (measured "));
        }
    }

    @Test
    void pointsAtTheQuickJitTierOnlyWhenTheOpenModelFellBehindUnderBothTiers() {
        assertThat(ConsoleReport.jitHint(12.5, List.of("-Xmx1g")))
                .contains("-XX:TieredStopAtLevel=1 in .mvn/jvm.config").contains("docs/guide/load-tests.md");
        assertThat(ConsoleReport.jitHint(4.0, List.of("-Xmx1g"))).as("within the schedule").isNull();
        assertThat(ConsoleReport.jitHint(null, List.of())).as("closed model").isNull();
        assertThat(ConsoleReport.jitHint(12.5, List.of("-XX:TieredStopAtLevel=1"))).as("already set").isNull();
    }
}
