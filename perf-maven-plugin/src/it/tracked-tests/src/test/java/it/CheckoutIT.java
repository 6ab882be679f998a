package it;

import dev.perf.junit.PerfTracker;
import dev.perf.junit.TrackPerformance;
import org.junit.jupiter.api.Test;

/** Run by Failsafe: 15 tracked checkouts. */
@TrackPerformance
class CheckoutIT {

    @Test
    void checksOut() throws Exception {
        for (int i = 0; i < 15; i++) {
            PerfTracker.track("checkout", () -> Math.cbrt(System.nanoTime()));
        }
    }
}
