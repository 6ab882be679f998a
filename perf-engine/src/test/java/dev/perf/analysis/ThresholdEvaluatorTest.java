package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
}
