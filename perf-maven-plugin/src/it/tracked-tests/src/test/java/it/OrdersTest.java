package it;

import dev.perf.junit.PerfExtension;
import dev.perf.junit.PerfTracker;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/** Blocks alone (the methods are not operations): 8 tests in parallel threads, 25 blocks each. */
@ExtendWith(PerfExtension.class)
class OrdersTest {

    @RepeatedTest(8)
    void pricesOrders() throws Exception {
        for (int i = 0; i < 25; i++) {
            PerfTracker.track("price-order", () -> Math.log(System.nanoTime()));
        }
    }
}
