package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.scenario.RateStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The pacing loop with a controllable clock and a sender that records instead of sending. */
class OpenModelDriverTest {
    private final FakeClock clock = new FakeClock();
    private final MetricsRegistry registry = new MetricsRegistry(List.of("r"), 1);
    private final List<long[]> sends = new ArrayList<>();
    private final List<Completion> outstanding = new ArrayList<>();

    private OpenModelDriver driver(double rate, Duration duration, int maxInFlight, long sendCostNanos,
                                   AtomicInteger inFlight) {
        Sender sender = (index, stage, user, intended, sent, completion) -> {
            sends.add(new long[]{intended, sent});
            outstanding.add(completion);
            clock.advanceNanos(sendCostNanos);
        };
        RateStage stage = new RateStage(rate, rate, duration);
        return new OpenModelDriver(stage, Pacer.forStage(stage), sender, new RequestMix(List.of(1)), registry,
                clock, clock, new RunControl(), inFlight, maxInFlight);
    }

    @Test
    void sendsAtTheIntendedTimesWhenTheGeneratorKeepsUp() throws Exception {
        long end = driver(1000, Duration.ofSeconds(1), 10_000, 0, new AtomicInteger()).run(0, 0);
        assertThat(sends).hasSize(1000);
        for (int i = 0; i < sends.size(); i++) {
            assertThat(sends.get(i)[0]).isEqualTo(i * 1_000_000L);
            assertThat(sends.get(i)[1]).isEqualTo(sends.get(i)[0]);
        }
        assertThat(end).isEqualTo(1_000_000_000L);
        assertThat(registry.sendLag(0).lateSends()).isZero();
    }

    @Test
    void aSlowGeneratorKeepsTheScheduleAndCountsItsLateness() throws Exception {
        // each send costs 2 ms while the schedule wants one every 1 ms: sends fall behind, the schedule does not move
        driver(1000, Duration.ofMillis(100), 10_000, 2_000_000, new AtomicInteger()).run(0, 0);
        assertThat(sends).hasSize(100);
        assertThat(sends.get(50)[0]).isEqualTo(50_000_000L);
        assertThat(sends.get(50)[1]).isEqualTo(100_000_000L);
        // send i goes out i ms late; "late" means more than 1 ms, so sends 2..99
        assertThat(registry.sendLag(0).lateSends()).isEqualTo(98);
    }

    @Test
    void arrivalsBeyondMaxInFlightAreDroppedAndCountedNotDelayed() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        driver(100, Duration.ofSeconds(1), 10, 0, inFlight).run(0, 0);
        // nothing completes, so after 10 sends every further arrival is dropped
        assertThat(sends).hasSize(10);
        assertThat(registry.recorder(0, 0)).isNotNull();
        assertThat(inFlight.get()).isEqualTo(10);
        assertThat(clock.nanoTime()).isEqualTo(990_000_000L);
        outstanding.forEach(Completion::completed);
        assertThat(inFlight.get()).isZero();
    }
}
