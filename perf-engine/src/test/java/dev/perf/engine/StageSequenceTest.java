package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.PauseStage;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.Stage;
import dev.perf.scenario.UsersStage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Stage boundaries, ramps, pauses and early stops on a controllable clock, with a sender that records. */
class StageSequenceTest {
    private static final long MS = 1_000_000L;
    private final FakeClock clock = new FakeClock();
    private final List<Send> sends = new ArrayList<>();

    private record Send(int stage, long intendedNanos, long sentNanos) {
    }

    private StageSequence.Timeline run(List<Stage> stages, StageSequence.StageEnd hook) throws InterruptedException {
        MetricsRegistry registry = new MetricsRegistry(List.of("r"), stages.size());
        Sender sender = (index, stage, user, intended, sent, completion) -> sends.add(new Send(stage, intended, sent));
        StageSequence sequence = new StageSequence(new LoadSpec(stages, 1_000_000), sender, clock, clock,
                new RequestMix(List.of(1)), registry, new RunControl(), new AtomicInteger(), 0);
        return sequence.run(0, hook);
    }


    private static RateStage rate(double from, double to, long millis) {
        return new RateStage(from, to, Duration.ofMillis(millis));
    }

    private long sendsIn(int stage) {
        return sends.stream().filter(s -> s.stage() == stage).count();
    }

    @Test
    void arrivalsFollowTheRateCurveAcrossStepsAndRamps() throws Exception {
        // 10/s for 1 s, a ramp to 30/s over 1 s, 30/s for 1 s: 10 + 20 + 30 arrivals on one continuous timeline
        StageSequence.Timeline timeline = run(List.of(rate(10, 10, 1000), rate(10, 30, 1000), rate(30, 30, 1000)),
                (s, start, end) -> true);

        assertThat(sendsIn(0)).isEqualTo(10);
        assertThat(sendsIn(1)).isEqualTo(20);
        assertThat(sendsIn(2)).isEqualTo(30);
        assertThat(timeline.stageSeconds()).containsExactly(1.0, 1.0, 1.0);
        // each send is sent on time and attributed to the stage whose window holds its intended time
        for (Send send : sends) {
            assertThat(send.sentNanos()).isEqualTo(send.intendedNanos());
            assertThat(send.intendedNanos() / (1000 * MS)).isEqualTo(send.stage());
        }
        // the ramp is continuous: the gap between arrivals shrinks steadily from 1/10 s towards 1/30 s
        List<Send> ramp = sends.stream().filter(s -> s.stage() == 1).toList();
        double previousGap = 100 * MS + 1;
        for (int i = 1; i < ramp.size(); i++) {
            long gap = ramp.get(i).intendedNanos() - ramp.get(i - 1).intendedNanos();
            assertThat((double) gap).isLessThan(previousGap).isBetween(33.0 * MS, 100.0 * MS);
            previousGap = gap;
        }
        // halfway through the ramp the rate is 20/s: arrivals around 1.5 s are 50 ms apart (within a few ms)
        Send middle = ramp.stream().filter(s -> s.intendedNanos() >= 1500 * MS).findFirst().orElseThrow();
        Send next = ramp.get(ramp.indexOf(middle) + 1);
        assertThat((next.intendedNanos() - middle.intendedNanos()) / (double) MS).isCloseTo(50, within(4.0));
    }

    @Test
    void aPauseLeavesAGapAndTheNextStageStartsAfterIt() throws Exception {
        StageSequence.Timeline timeline = run(List.of(rate(10, 10, 1000), new PauseStage(Duration.ofMillis(500)),
                rate(10, 10, 1000)), (s, start, end) -> true);

        assertThat(sendsIn(0)).isEqualTo(10);
        assertThat(sendsIn(1)).isZero();
        assertThat(sends.stream().filter(s -> s.stage() == 2).findFirst().orElseThrow().intendedNanos())
                .isEqualTo(1500 * MS);
        assertThat(timeline.stageSeconds()).containsExactly(1.0, 0.5, 1.0);
    }

    @Test
    void theHookCanStopThePlanAfterAStageAndLaterStagesDoNotRun() throws Exception {
        List<Integer> heard = new ArrayList<>();
        StageSequence.Timeline timeline = run(List.of(rate(10, 10, 1000), new PauseStage(Duration.ofMillis(100)),
                rate(20, 20, 1000), rate(40, 40, 1000)), (s, start, end) -> {
            heard.add(s);
            return s < 2;
        });

        // the pause is not a level: the hook hears stages 0 and 2, stops after 2
        assertThat(heard).containsExactly(0, 2);
        assertThat(timeline.ran()).containsExactly(true, true, true, false);
        assertThat(sendsIn(3)).isZero();
        assertThat(sends).hasSize(10 + 20);
    }

    @Test
    void aRampOfUsersAddsEachUserWhenTheLineReachesItAndTheNextStageTakesThemOver() throws Exception {
        // the sender never completes, so each user sends exactly once: when it starts
        run(List.of(new UsersStage(0, 4, Duration.ofSeconds(1), 0), new UsersStage(4, Duration.ofSeconds(1), 0)),
                (s, start, end) -> true);

        assertThat(sends).extracting(Send::sentNanos).containsExactly(250 * MS, 500 * MS, 750 * MS, 1000 * MS);
        // the fourth user is reached at the end of the ramp, so it starts in the constant stage
        assertThat(sends).extracting(Send::stage).containsExactly(0, 0, 0, 1);
    }

    @Test
    void usersAlongARampRiseAndFallAtTheRightTimes() {
        UsersStage up = new UsersStage(10, 20, Duration.ofSeconds(10), 0);
        assertThat(ClosedModelDriver.usersAt(up, 0)).isEqualTo(10);
        assertThat(ClosedModelDriver.usersAt(up, 999 * MS)).isEqualTo(10);
        assertThat(ClosedModelDriver.usersAt(up, 1000 * MS)).isEqualTo(11);
        assertThat(ClosedModelDriver.usersAt(up, 10_000 * MS)).isEqualTo(20);
        assertThat(ClosedModelDriver.nextChangeNanos(up, 10)).isEqualTo(1000 * MS);
        assertThat(ClosedModelDriver.nextChangeNanos(up, 20)).isEqualTo(Long.MAX_VALUE);

        UsersStage down = new UsersStage(10, 0, Duration.ofSeconds(10), 0);
        assertThat(ClosedModelDriver.usersAt(down, 0)).isEqualTo(10);
        assertThat(ClosedModelDriver.usersAt(down, 999 * MS)).isEqualTo(10);
        assertThat(ClosedModelDriver.usersAt(down, 1000 * MS)).isEqualTo(9);
        assertThat(ClosedModelDriver.usersAt(down, 10_000 * MS)).isZero();
        assertThat(ClosedModelDriver.nextChangeNanos(down, 10)).isEqualTo(1000 * MS);
        assertThat(ClosedModelDriver.nextChangeNanos(down, 1)).isEqualTo(10_000 * MS);

        UsersStage flat = new UsersStage(5, Duration.ofSeconds(10), 0);
        assertThat(ClosedModelDriver.usersAt(flat, 3000 * MS)).isEqualTo(5);
        assertThat(ClosedModelDriver.nextChangeNanos(flat, 5)).isEqualTo(Long.MAX_VALUE);
    }
}
