package it;

import dev.perf.junit.TrackPerformance;
import org.junit.jupiter.api.Test;

/** Slower than its threshold on purpose: the test fails with the measured value. */
class SlowSearchTest {

    @Test
    @TrackPerformance(repetitions = 3, thresholds = "p95 <= 1ms")
    void search() throws InterruptedException {
        Thread.sleep(20);
    }
}
