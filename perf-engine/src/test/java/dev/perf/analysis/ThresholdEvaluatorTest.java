package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perf.scenario.Threshold;
import dev.perf.scenario.ThresholdParser;

class ThresholdEvaluatorTest {

    private static RequestStats stats(String name, long ok, long failed, long... latencyMicros) {
        Histogram h = new Histogram(3);
        for (long v : latencyMicros) {
            h.recordValue(v);
        }
        return new RequestStats(name, ok, failed, 0, 10, h, h.copy(), Map.of(), Map.of(), 0, 0);
    }

    private static List<ThresholdResult> judge(RequestStats overall, String... expressions) {
        return ThresholdEvaluator.evaluate(List.of(expressions).stream().map(ThresholdParser::parse).toList(),
                new RunFigures(overall, Map.of(overall.name(), overall), null, null));
    }

    @Test
    void judgesAgainstMeasuredValues() {
        // values below 2048 us are exact at 3 significant digits; larger ones carry HdrHistogram's 0.1% resolution
        RequestStats s = stats("get", 99, 1, 1000, 1200, 1500, 1800, 2000);
        List<ThresholdResult> results = judge(s, "success-rate >= 99%", "success-rate >= 99.5%", "max < 2ms",
                "max <= 2ms", "median <= 1.5ms", "rps >= 10", "get.p50 < 1500us");
        assertThat(results).extracting(ThresholdResult::passed).containsExactly(true, false, false, true, true, true,
                false);
        assertThat(results.get(0).actual()).isEqualTo(99.0);
        assertThat(results.get(5).actual()).isEqualTo(10.0);
    }

    @Test
    void aThresholdOverNoSamplesFailsAndSaysNoData() {
        RequestStats empty = stats("get", 0, 0);
        List<ThresholdResult> results = judge(empty, "p95 <= 10s", "error-rate <= 100%", "rps >= 0", "count >= 0");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.actual()).isNull();
            assertThat(r.describe()).contains("no data");
        });
    }

    @Test
    void latencyIsJudgedOnTheSuccessfulResponsesUnlessAllAreAskedFor() {
        Histogram all = new Histogram(3);
        Histogram failed = new Histogram(3);
        for (int i = 0; i < 90; i++) {
            all.recordValue(1_000); // fast refusals
            failed.recordValue(1_000);
        }
        for (int i = 0; i < 10; i++) {
            all.recordValue(900_000); // slow successes
        }
        RequestStats s = new RequestStats("ALL", 10, 90, 0, 10, all, all.copy(), Map.of(), Map.of(), 0, 0, Map.of(),
                failed);
        List<ThresholdResult> results = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("p50 <= 100ms"),
                ThresholdParser.parse("p50 <= 100ms").onAllResponses()), new RunFigures(s, Map.of(), null, null));
        assertThat(results.get(0).passed()).as("the successes took 900 ms").isFalse();
        assertThat(results.get(0).actual()).isGreaterThan(890.0);
        assertThat(results.get(1).passed()).as("over every response, the refusals dominate").isTrue();
    }

    @Test
    void aSaturatedGeneratorMakesInconclusiveOnlyTheVerdictsItCouldHaveDecided() {
        // latency from the intended send includes the pacer's lateness (30 ms); from the actual send it does not
        Histogram latency = new Histogram(3);
        Histogram service = new Histogram(3);
        for (int i = 0; i < 90; i++) {
            latency.recordValue(1_000);
            service.recordValue(1_000);
        }
        for (int i = 0; i < 10; i++) {
            latency.recordValue(30_000);
            service.recordValue(1_500);
        }
        RequestStats s = new RequestStats("ALL", 100, 0, 0, 10, latency, service, Map.of(), Map.of(), 0, 0, Map.of(),
                new Histogram(3));
        List<Threshold> thresholds = Stream.of("p95 <= 100ms", "p95 <= 10ms", "p95 <= 1ms", "rps >= 1000",
                "error-rate < 1%", "apdex(5ms) >= 0.95").map(ThresholdParser::parse).toList();
        RunFigures figures = new RunFigures(s, Map.of(), null, null);

        List<ThresholdResult> open = ThresholdEvaluator.evaluate(thresholds, figures.saturated("the generator was "
                + "saturated", false));
        // held despite the generator's delay; broke only with it; broke even from the actual send; the open model's
        // throughput is the offered rate; errors are the target's; Apdex broke with the delay in it
        assertThat(open).extracting(ThresholdResult::judged).containsExactly(true, false, true, true, true, false);
        assertThat(open).extracting(ThresholdResult::passed).containsExactly(true, false, false, false, true, false);
        assertThat(open.get(1).describe()).isEqualTo("p95 <= 10ms  (inconclusive: measured 30.02ms, but the generator "
                + "was saturated)");
        assertThat(open.get(2).breached()).isTrue();
        assertThat(open.get(2).note()).startsWith("measured 30.02ms; from the actual send 1.50ms, which leaves the "
                + "generator's lateness out, breaks it too");

        List<ThresholdResult> closed = ThresholdEvaluator.evaluate(thresholds, figures.saturated("the generator was "
                + "saturated", true));
        assertThat(closed.get(3).judged()).as("closed-model throughput is the generator's too").isFalse();

        // no successful response is a failure however busy the generator was
        RequestStats refused = new RequestStats("ALL", 0, 20, 0, 10, latency, service, Map.of(), Map.of(), 0, 0,
                Map.of(), latency);
        ThresholdResult none = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("p95 <= 1s")),
                new RunFigures(refused, Map.of(), null, null).saturated("the generator was saturated", false)).get(0);
        assertThat(none.breached()).isTrue();
        assertThat(none.note()).isEqualTo("no data: no successful response (20 failed)");
    }

    @Test
    void defaultGatesCoverWhatTheScenarioLeftOut() {
        var closed = dev.perf.testing.Scenarios.parse("""
                target: { baseUrl: http://127.0.0.1:1 }
                requests: [ { name: a, path: / } ]
                load: { concurrency: 1, iterations: 1 }
                """);
        assertThat(VerdictGates.of(closed.thresholds(), closed.verdict(), closed.load()))
                .extracting(Threshold::expression)
                .containsExactly("count >= 1 (default gate)", "error-rate <= 1% (default gate)");
        var open = dev.perf.testing.Scenarios.parse("""
                target: { baseUrl: http://127.0.0.1:1 }
                requests: [ { name: a, path: / } ]
                load: { rate: 1/s, duration: 1s }
                thresholds: [ "a.error-rate < 5%" ]
                verdict: { maxErrorRate: 0.5%, maxDropped: 2% }
                """);
        assertThat(VerdictGates.of(open.thresholds(), open.verdict(), open.load())).extracting(Threshold::expression)
                .as("a threshold on one request does not cover the scenario")
                .containsExactly("count >= 1 (default gate)", "error-rate <= 0.5% (default gate)",
                        "dropped-rate <= 2% (default gate)");
        var stepped = dev.perf.testing.Scenarios.parse("""
                target: { baseUrl: http://127.0.0.1:1 }
                requests: [ { name: a, path: / } ]
                load: { concurrency: [1, 2], stepDuration: 1s }
                """);
        assertThat(VerdictGates.of(stepped.thresholds(), stepped.verdict(), stepped.load()))
                .extracting(Threshold::expression).as("a stepped plan goes past the limits by design")
                .containsExactly("count >= 1 (default gate)");
        RequestStats none = stats("ALL", 0, 0);
        ThresholdResult count = ThresholdEvaluator.evaluate(VerdictGates.of(closed.thresholds(), closed.verdict(),
                closed.load()), new RunFigures(none, Map.of(), null, null)).get(0);
        assertThat(count.breached()).isTrue();
        assertThat(count.describe()).isEqualTo("count >= 1 (default gate)  (no data: no request completed)");
    }
}
