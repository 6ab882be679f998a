package dev.perf.scenario;

import dev.perf.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario's share for one shard: users and iterations split, records never shared, impossible splits refused. */
class ShardSplitTest {

    private static Scenario withFeeder(Scenario s, FeederSpec feeder) {
        return new Scenario(s.name(), s.file(), s.baseUrl(), s.http(), s.flows(), s.requests(), List.of(feeder),
                s.load(), s.thresholds(), s.monitor(), s.secrets(), s.environment(), s.verdict(), s.live());
    }

    @Test
    void usersAndIterationsAreSplitWithTheRemainderOnTheFirstShards() {
        Scenario scenario = Scenarios.parse("""
                target: { baseUrl: "http://127.0.0.1:1" }
                requests: [ { name: home, path: / } ]
                load: { concurrency: 10, iterations: 101 }
                """);
        List<UsersStage> parts = IntStream.rangeClosed(1, 3).mapToObj(i -> (UsersStage) ShardSplit.of(scenario,
                new Shard(i, 3)).load().stages().get(0)).toList();
        assertThat(parts).extracting(UsersStage::startUsers).containsExactly(4, 3, 3);
        assertThat(parts).extracting(UsersStage::iterations).containsExactly(34L, 34L, 33L);
        assertThat(ShardSplit.of(scenario, new Shard(2, 3)).load().shard()).isEqualTo(new Shard(2, 3));
        assertThat(ShardSplit.of(scenario, new Shard(1, 1))).isSameAs(scenario);
        assertThatThrownBy(() -> ShardSplit.of(scenario, new Shard(11, 11)))
                .hasMessageContaining("10 users cannot be split into 11 shards").hasMessageContaining("at most 10");
    }

    @Test
    void theOpenModelKeepsItsRatesForItsShardedPacerAndSplitsItsInFlightCap() {
        Scenario scenario = Scenarios.parse("""
                target: { baseUrl: "http://127.0.0.1:1" }
                requests: [ { name: home, path: / } ]
                load: { rate: 300/s, duration: 10s, maxInFlight: 100 }
                """);
        Scenario part = ShardSplit.of(scenario, new Shard(3, 3));
        assertThat(part.load().stages()).isEqualTo(scenario.load().stages());
        assertThat(part.load().maxInFlight()).isEqualTo(33);
    }

    @Test
    void aSequentialFeedersRecordsAreSplitIntoDisjointRangesThatCoverThemAll() {
        Scenario scenario = Scenarios.parse("""
                target: { baseUrl: "http://127.0.0.1:1" }
                requests: [ { name: home, path: / } ]
                load: { concurrency: 4, iterations: 40 }
                """);
        List<List<String>> records = IntStream.range(0, 10).mapToObj(i -> List.of("user" + i)).toList();
        Scenario fed = withFeeder(scenario, new FeederSpec("users", Path.of("users.csv"), List.of("user"), records,
                FeederSpec.Order.SEQUENTIAL, FeederSpec.Share.GLOBAL));
        List<List<String>> seen = new ArrayList<>();
        Set<List<String>> distinct = new HashSet<>();
        for (int i = 1; i <= 4; i++) {
            List<List<String>> mine = ShardSplit.of(fed, new Shard(i, 4)).feeders().get(0).records();
            seen.addAll(mine);
            distinct.addAll(mine);
        }
        assertThat(seen).as("no record used by two shards, none left out").hasSize(10).containsExactlyElementsOf(records);
        assertThat(distinct).hasSize(10);
        FeederSpec random = new FeederSpec("users", Path.of("users.csv"), List.of("user"), records,
                FeederSpec.Order.RANDOM, FeederSpec.Share.GLOBAL);
        assertThat(ShardSplit.of(withFeeder(scenario, random), new Shard(2, 4)).feeders().get(0).records())
                .hasSize(10);
        Scenario many = withFeeder(Scenarios.parse("""
                target: { baseUrl: "http://127.0.0.1:1" }
                requests: [ { name: home, path: / } ]
                load: { concurrency: 20, iterations: 40 }
                """), fed.feeders().get(0));
        assertThatThrownBy(() -> ShardSplit.of(many, new Shard(11, 11)))
                .hasMessageContaining("feeder 'users' has 10 records, too few for 11 shards");
    }
}
