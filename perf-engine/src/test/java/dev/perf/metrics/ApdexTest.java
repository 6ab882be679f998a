package dev.perf.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Apdex as JMeter counts it: successes within T satisfy, within 4T tolerate; failures and the rest frustrate. */
class ApdexTest {

    @Test
    void satisfiedCountFullyToleratingHalfAndFailuresNotAtAll() {
        Histogram all = new Histogram(3);
        Histogram failed = new Histogram(3);
        record(all, null, 100, 200_000);          // 100 successes at 200 ms: satisfied for T = 500 ms
        record(all, null, 50, 1_500_000);         // 50 successes at 1.5 s: tolerating (within 4T = 2 s)
        record(all, null, 25, 3_000_000);         // 25 successes at 3 s: frustrated
        record(all, failed, 25, 100_000);         // 25 failures, fast: frustrated all the same
        RequestStats stats = new RequestStats("r", 175, 25, 0, 10, all, all.copy(), Map.of(), Map.of(), 0, 0, Map.of(),
                failed);
        assertThat(stats.apdex(500)).isCloseTo((100 + 50 / 2.0) / 200, within(1e-9));
        assertThat(stats.apdex(5000)).as("every success within T").isCloseTo(175 / 200.0, within(1e-9));
    }

    @Test
    void withoutTheFailedLatenciesThereIsNoScore() {
        Histogram all = new Histogram(3);
        all.recordValue(1000);
        assertThat(new RequestStats("r", 1, 0, 0, 1, all, all, Map.of(), Map.of(), 0, 0).apdex(500)).isNull();
    }

    private static void record(Histogram all, Histogram failed, int count, long micros) {
        all.recordValueWithCount(micros, count);
        if (failed != null) {
            failed.recordValueWithCount(micros, count);
        }
    }
}
