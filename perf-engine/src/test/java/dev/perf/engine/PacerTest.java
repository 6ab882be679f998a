package dev.perf.engine;

import dev.perf.scenario.RateStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PacerTest {

    @Test
    void constantRateSpacesArrivalsEvenly() {
        Pacer pacer = Pacer.forStage(new RateStage(2000, 2000, Duration.ofSeconds(1)));
        assertThat(pacer.offsetNanos(0)).isZero();
        assertThat(pacer.offsetNanos(1)).isEqualTo(500_000);
        assertThat(pacer.offsetNanos(1999)).isEqualTo(999_500_000);
        assertThat(pacer.offsetNanos(2000)).isEqualTo(Pacer.NEVER);
    }

    @Test
    void constantRateSendsExactlyRateTimesDuration() {
        assertThat(countArrivals(Pacer.forStage(new RateStage(3, 3, Duration.ofSeconds(10))))).isEqualTo(30);
        assertThat(countArrivals(Pacer.forStage(new RateStage(50.0 / 60, 50.0 / 60, Duration.ofMinutes(3))))).isEqualTo(150);
    }

    @Test
    void rampFromZeroFollowsTheRateCurveContinuously() {
        // 0 -> 100/s over 10 s: N(t) = 5 t^2, so 500 arrivals in all, 125 in the first 5 s
        Pacer pacer = Pacer.forStage(new RateStage(0, 100, Duration.ofSeconds(10)));
        assertThat(countArrivals(pacer)).isEqualTo(500);
        assertThat(pacer.offsetNanos(125) / 1e9).isCloseTo(5.0, within(1e-9));
        // the gaps shrink as the rate grows: no steps, no bursts
        long previousGap = Long.MAX_VALUE;
        for (int i = 2; i < 500; i++) {
            long gap = pacer.offsetNanos(i) - pacer.offsetNanos(i - 1);
            assertThat(gap).isLessThanOrEqualTo(previousGap);
            previousGap = gap;
        }
    }

    @Test
    void downwardRampSendsTheAreaUnderTheCurve() {
        // 100 -> 20/s over 10 s: (100 + 20) / 2 * 10 = 600
        assertThat(countArrivals(Pacer.forStage(new RateStage(100, 20, Duration.ofSeconds(10))))).isEqualTo(600);
    }

    @Test
    void aRampDownToZeroEndsWithTheLastArrivalBeforeTheEnd() {
        // 20 -> 0/s over 10 s: 100 arrivals, ever further apart, all inside the stage
        Pacer pacer = Pacer.forStage(new RateStage(20, 0, Duration.ofSeconds(10)));
        assertThat(countArrivals(pacer)).isEqualTo(100);
        assertThat(pacer.offsetNanos(99)).isLessThan(10_000_000_000L);
        assertThat(pacer.offsetNanos(99) - pacer.offsetNanos(98)).isGreaterThan(pacer.offsetNanos(1) - pacer.offsetNanos(0));
    }

    private static long countArrivals(Pacer pacer) {
        long n = 0;
        while (pacer.offsetNanos(n) != Pacer.NEVER) {
            n++;
        }
        return n;
    }
}
