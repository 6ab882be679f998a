package dev.perf.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Little's law on hand-made samples with known answers. */
class ConcurrencyCapTest {

    /** Samples a steady load: every {@code intervalNanos} the pacer leaves {@code outstanding} at the target. */
    private static long steady(ConcurrencyCap cap, long fromNanos, long forNanos, long intervalNanos, int outstanding,
                               double completionsPerSample, double perSecond, long lateNanos, long completedBefore) {
        long completed = completedBefore;
        double owed = 0;
        for (long t = fromNanos; t < fromNanos + forNanos; t += intervalNanos) {
            owed += completionsPerSample;
            completed += (long) owed;
            owed -= (long) owed;
            cap.sample(t, outstanding, completed, perSecond, lateNanos);
        }
        return completed;
    }

    @Test
    void beforeAnythingIsMeasuredTheTimeAtTheTargetIsTakenAsFiveMilliseconds() {
        ConcurrencyCap cap = new ConcurrencyCap(1000, 20_000);
        // 16 + 2 x 20 000/s x 5 ms
        assertThat(cap.cap()).isEqualTo(216);
        cap.sample(10_000, 0, 0, 1000, 0);
        assertThat(cap.cap()).isEqualTo(26);
    }

    @Test
    void aFastTargetBringsTheCapDownToWhatLittlesLawGives() {
        ConcurrencyCap cap = new ConcurrencyCap(1000, 20_000);
        // 20 000/s, one arrival each 50 us, each at the target for 100 us: 2 outstanding after each send, one completes
        steady(cap, 0, 1_000_000_000L, 50_000, 2, 1, 20_000, 0, 0);
        assertThat(cap.timeAtTargetNanos()).isBetween(95_000.0, 105_000.0);
        // 16 + ceil(2 x 20 000/s x 0.1 ms), from a start of 216
        assertThat(cap.cap()).isBetween(20, 21);
    }

    @Test
    void aSlowTargetRaisesTheCapWithinAFewWindowsAndOneOddWindowDoesNot() {
        ConcurrencyCap cap = new ConcurrencyCap(1000, 20_000);
        long completed = steady(cap, 0, 1_000_000_000L, 50_000, 2, 1, 20_000, 0, 0);
        int fast = cap.cap();
        assertThat(fast).isLessThan(25);
        // one window of 1 ms in which 100 were outstanding and one completed: it may double the estimate, no more
        cap.sample(1_001_000_000L, 100, completed + 1, 20_000, 0);
        assertThat(cap.timeAtTargetNanos()).isLessThan(250_000.0);
        assertThat(cap.cap()).isLessThanOrEqualTo(fast + 5);
        // 100/s, each at the target for 1 s: 100 outstanding, one completion every 10 ms; 20 windows of 10 ms
        steady(cap, 1_010_000_000L, 200_000_000L, 10_000_000, 100, 1, 100, 0, completed + 1);
        assertThat(cap.timeAtTargetNanos()).isBetween(0.9e9, 1.1e9);
        assertThat(cap.cap()).isEqualTo(216);
    }

    @Test
    void windowsInWhichTheGeneratorWasBehindMeasureNothing() {
        ConcurrencyCap cap = new ConcurrencyCap(1000, 20_000);
        long completed = steady(cap, 0, 1_000_000_000L, 50_000, 2, 1, 20_000, 0, 0);
        int fast = cap.cap();
        // the pacer 30 ms late: 900 sent and unread, a completion now and then; that is the generator, not the target
        steady(cap, 1_000_000_000L, 500_000_000L, 1_000_000, 900, 0.1, 20_000, 30_000_000, completed);
        assertThat(cap.cap()).isEqualTo(fast);
    }

    @Test
    void theGeneratorHasKeptUpOnlyAWholeWindowAfterItWasLastBehind() {
        ConcurrencyCap cap = new ConcurrencyCap(1000, 20_000);
        assertThat(cap.keptUp(0)).isTrue();
        cap.sample(10_000_000L, 216, 0, 20_000, 5_000_000);
        assertThat(cap.keptUp(10_500_000L)).as("just caught up: unread responses still hold connections").isFalse();
        cap.sample(10_600_000L, 216, 100, 20_000, 0);
        assertThat(cap.keptUp(10_900_000L)).isFalse();
        assertThat(cap.keptUp(11_000_000L)).isTrue();
    }

    @Test
    void theCapIsNeverAboveMax() {
        ConcurrencyCap cap = new ConcurrencyCap(50, 100);
        steady(cap, 0, 100_000_000L, 10_000_000, 100, 1, 100, 0, 0);
        assertThat(cap.cap()).isEqualTo(50);
        assertThat(new ConcurrencyCap(4, 20_000).cap()).isEqualTo(4);
    }
}
