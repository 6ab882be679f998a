package it;

import dev.perf.junit.PerfTracker;
import dev.perf.junit.TrackPerformance;
import org.junit.jupiter.api.Test;

/** Three tracked methods with ten tracked blocks each, under the name "payments". */
@TrackPerformance(name = "payments")
class PaymentsTest {

    private static void charge() throws Exception {
        for (int i = 0; i < 10; i++) {
            PerfTracker.track("charge", () -> Math.sqrt(System.nanoTime()));
        }
    }

    @Test
    void chargesACard() throws Exception {
        charge();
    }

    @Test
    void chargesAnAccount() throws Exception {
        charge();
    }

    @Test
    void chargesAVoucher() throws Exception {
        charge();
    }
}
