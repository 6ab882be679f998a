package dev.perf.engine;

import dev.perf.scenario.RateStage;
import dev.perf.scenario.Shard;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shards of an open model together send exactly the whole schedule: evenly spaced, nothing twice or missing. */
class ShardedPacerTest {

    private static List<Long> schedule(Pacer pacer) {
        List<Long> offsets = new ArrayList<>();
        for (long i = 0; pacer.offsetNanos(i) != Pacer.NEVER; i++) {
            offsets.add(pacer.offsetNanos(i));
        }
        return offsets;
    }

    private static List<Long> union(RateStage stage, int shards) {
        List<Long> all = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            all.addAll(schedule(Pacer.forStage(stage, new Shard(i, shards))));
        }
        all.sort(null);
        return all;
    }

    @Test
    void theUnionOfTheShardsIsTheWholeScheduleForConstantRatesAndRamps() {
        for (RateStage stage : List.of(new RateStage(1000, 1000, Duration.ofSeconds(2)),
                new RateStage(10, 3000, Duration.ofSeconds(3)), new RateStage(7, 7, Duration.ofSeconds(5)))) {
            List<Long> whole = schedule(Pacer.forStage(stage));
            for (int shards : new int[]{2, 3, 7}) {
                assertThat(union(stage, shards)).as("%s in %d shards", stage, shards).isEqualTo(whole);
            }
        }
    }

    @Test
    void eachShardSendsItsShareAtTheShareOfTheRateOffsetFromTheOthers() {
        RateStage stage = new RateStage(900, 900, Duration.ofSeconds(1));
        List<Long> second = schedule(Pacer.forStage(stage, new Shard(2, 3)));
        assertThat(second).hasSize(300);
        // 300/s each, one whole-schedule interval (1/900 s) after shard 1's
        assertThat(second.get(0)).isEqualTo(Math.round(1e9 / 900));
        assertThat(second.get(1) - second.get(0)).isBetween(3_333_332L, 3_333_335L);
        assertThat(schedule(Pacer.forStage(stage, new Shard(1, 1)))).hasSize(900);
    }
}
