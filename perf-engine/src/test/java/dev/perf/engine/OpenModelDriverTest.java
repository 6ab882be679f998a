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
    private int dropped;

    /** Each send costs {@code sendCostNanos} of the generator's time; it completes at once when {@code instant}. */
    private OpenModelDriver driver(double rate, Duration duration, int maxInFlight, long sendCostNanos,
                                   AtomicInteger inFlight, boolean instant, RunControl control) {
        Sender sender = new Sender() {
            @Override
            public void send(int index, int stage, int user, long intended, long sent, Completion completion) {
                sends.add(new long[]{intended, sent});
                clock.advanceNanos(sendCostNanos);
                if (instant) {
                    completion.completed();
                } else {
                    outstanding.add(completion);
                }
            }

            @Override
            public void dropped(int item, int stage) {
                dropped++;
            }
        };
        RateStage stage = new RateStage(rate, rate, duration);
        return new OpenModelDriver(stage, Pacer.forStage(stage), sender, new RequestMix(List.of(1)), registry,
                clock, clock, control, inFlight, maxInFlight);
    }

    private OpenModelDriver driver(double rate, Duration duration, int maxInFlight, long sendCostNanos,
                                   AtomicInteger inFlight) {
        return driver(rate, duration, maxInFlight, sendCostNanos, inFlight, false, new RunControl());
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
        driver(1000, Duration.ofMillis(100), 10_000, 2_000_000, new AtomicInteger(), true, new RunControl()).run(0, 0);
        assertThat(sends).hasSize(100);
        assertThat(sends.get(50)[0]).isEqualTo(50_000_000L);
        assertThat(sends.get(50)[1]).isEqualTo(100_000_000L);
        // send i goes out i ms late; "late" means more than 1 ms, so sends 2..99
        assertThat(registry.sendLag(0).lateSends()).isEqualTo(98);
    }

    @Test
    void arrivalsTheGeneratorIsOnTimeForGoOutWhateverIsOutstanding() throws Exception {
        // nothing completes within the stage (a slow target): an open model still sends every arrival at its time
        driver(100, Duration.ofSeconds(1), 10_000, 0, new AtomicInteger()).run(0, 0);
        assertThat(sends).hasSize(100);
        assertThat(sends).allSatisfy(send -> assertThat(send[1]).isEqualTo(send[0]));
    }

    @Test
    void lateArrivalsBeyondTheCapWaitInOrderForACompletionAndCountTheirWait() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        // each send costs 3 ms at 1 000/s: from the second arrival on the generator is late; nothing completes
        driver(1000, Duration.ofMillis(200), 10_000, 3_000_000, inFlight).run(0, 0);
        // the cap before anything is measured: 16 + 2 x 1 000/s x 5 ms; the first two went out on time
        int cap = 26;
        assertThat(sends).hasSize(cap);
        assertThat(inFlight.get()).as("sent and waiting").isEqualTo(200);
        long now = clock.nanoTime();
        outstanding.remove(0).completed();
        assertThat(sends).hasSize(cap + 1);
        long[] next = sends.get(cap);
        assertThat(next[0]).as("the oldest waiting arrival").isEqualTo(cap * 1_000_000L);
        assertThat(next[1]).isEqualTo(now);
        assertThat(registry.sendLag(0).lateSends()).isEqualTo(cap);
        while (!outstanding.isEmpty()) {
            outstanding.remove(0).completed();
        }
        assertThat(sends).hasSize(200);
        assertThat(sends).extracting(send -> send[0]).isSorted();
        assertThat(inFlight.get()).isZero();
        assertThat(dropped).isZero();
    }

    @Test
    void atMaxInFlightArrivalsWaitAndASecondsWorthBeyondThatAreDroppedAndCounted() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        driver(200, Duration.ofSeconds(2), 10, 0, inFlight).run(0, 0);
        // nothing completes: 10 at the target, then a second's worth (200) wait, and the other 190 are dropped
        assertThat(sends).hasSize(10);
        assertThat(inFlight.get()).isEqualTo(210);
        assertThat(dropped).isEqualTo(190);
        assertThat(clock.nanoTime()).isEqualTo(1_995_000_000L);
        while (!outstanding.isEmpty()) {
            outstanding.remove(0).completed();
        }
        assertThat(sends).hasSize(210);
        assertThat(inFlight.get()).isZero();
        // the generator was on time for every arrival: a wait at maxInFlight is the target's, not send lag
        assertThat(registry.sendLag(0).sends()).isEqualTo(210);
        assertThat(registry.sendLag(0).lateSends()).isZero();
    }

    @Test
    void anAbortDropsWhatWaitsInsteadOfSendingIt() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        RunControl control = new RunControl();
        driver(1000, Duration.ofMillis(200), 10_000, 3_000_000, inFlight, false, control).run(0, 0);
        assertThat(sends).hasSize(26);
        control.abort();
        outstanding.remove(0).completed();
        assertThat(sends).hasSize(26);
        assertThat(dropped).isEqualTo(200 - 26);
        assertThat(inFlight.get()).isEqualTo(25);
    }
}
