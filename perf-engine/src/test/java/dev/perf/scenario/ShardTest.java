package dev.perf.scenario;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which part of the load a generator runs, from a property or the scheduler's environment, and its share. */
class ShardTest {

    @Test
    void aShardIsGivenAsIOverNOrByAKubernetesIndexedJob() {
        assertThat(Shard.parse(" 2/4 ", "perf.shard")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.fromEnvironment(Map.of("PERF_SHARD", "3/3"))).isEqualTo(new Shard(3, 3));
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "0", "PERF_SHARD_COUNT", "5")))
                .isEqualTo(new Shard(1, 5));
        assertThat(Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "4"))).as("a job without a count").isNull();
        assertThat(Shard.fromEnvironment(Map.of())).isNull();
        for (String bad : new String[]{"0/4", "5/4", "2", "a/b", "1/0", "1/1001", "-1/2", "2/4/8"}) {
            assertThatThrownBy(() -> Shard.parse(bad, "perf.shard")).as(bad)
                    .hasMessageContaining("perf.shard='" + bad + "' is not a shard").hasMessageContaining("I/N");
        }
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "5", "PERF_SHARD_COUNT", "5")))
                .hasMessageContaining("are not a shard");
        assertThatThrownBy(() -> Shard.fromEnvironment(Map.of("PERF_SHARD_COUNT", "5")))
                .hasMessageContaining("JOB_COMPLETION_INDEX is not");
    }

    @Test
    void sharesAddUpWithTheRemainderOnTheFirstShardsAndRangesAreDisjoint() {
        long total = 0;
        long expectedFirst = 0;
        for (int i = 1; i <= 4; i++) {
            Shard shard = new Shard(i, 4);
            assertThat(shard.firstOf(10)).isEqualTo(expectedFirst);
            expectedFirst += shard.share(10);
            total += shard.share(10);
        }
        assertThat(total).isEqualTo(10);
        assertThat(new Shard(1, 4).share(10)).isEqualTo(3);
        assertThat(new Shard(2, 4).share(10)).isEqualTo(3);
        assertThat(new Shard(3, 4).share(10)).isEqualTo(2);
        assertThat(new Shard(4, 4).share(10)).isEqualTo(2);
    }
}
