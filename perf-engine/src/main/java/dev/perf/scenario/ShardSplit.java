package dev.perf.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's share for one {@link Shard}. Users (and a closed model's iterations) are split, the remainder going
 * one each to the first shards; the open model keeps its rates here, since its shard's pacer takes every N-th arrival
 * of the whole schedule (the union of the shards is the schedule itself, evenly spaced); a sequential or circular
 * feeder's records are split into disjoint ranges; the in-flight cap is split like users. A split that would leave a
 * shard nothing to do is refused before anything is sent.
 */
public final class ShardSplit {

    private ShardSplit() {
    }

    /** @throws IllegalArgumentException saying what cannot be split that many ways, and how many shards can */
    public static Scenario of(Scenario scenario, Shard shard) {
        if (shard.count() == 1) {
            return scenario;
        }
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : scenario.load().stages()) {
            stages.add(stage.fold(rate -> rate, users -> users(scenario, users, shard), pause -> pause));
        }
        LoadSpec load = new LoadSpec(stages, (int) Math.max(1, shard.share(scenario.load().maxInFlight())),
                scenario.load().steps(), shard);
        List<FeederSpec> feeders = scenario.feeders().stream().map(f -> feeder(scenario, f, shard)).toList();
        return new Scenario(scenario.name(), scenario.file(), scenario.baseUrl(), scenario.http(), scenario.flows(),
                scenario.requests(), feeders, load, scenario.thresholds(), scenario.monitor(), scenario.secrets(),
                scenario.environment(), scenario.verdict(), scenario.live());
    }

    private static Stage users(Scenario scenario, UsersStage users, Shard shard) {
        int start = (int) shard.share(users.startUsers());
        int end = (int) shard.share(users.endUsers());
        if (start == 0 && end == 0) {
            throw new IllegalArgumentException("scenario " + scenario.name() + ": " + Math.max(users.startUsers(),
                    users.endUsers()) + " users cannot be split into " + shard.count() + " shards (shard " + shard
                    + " would have none); run at most " + Math.max(users.startUsers(), users.endUsers()) + " shards");
        }
        long iterations = users.iterations() == 0 ? 0 : shard.share(users.iterations());
        if (users.iterations() > 0 && iterations == 0) {
            throw new IllegalArgumentException("scenario " + scenario.name() + ": " + users.iterations()
                    + " iterations cannot be split into " + shard.count() + " shards (shard " + shard
                    + " would have none); run at most " + users.iterations() + " shards");
        }
        return new UsersStage(start, end, users.duration(), iterations);
    }

    private static FeederSpec feeder(Scenario scenario, FeederSpec feeder, Shard shard) {
        if (feeder.order() == FeederSpec.Order.RANDOM) {
            return feeder; // each shard draws at random from all records, independently
        }
        int total = feeder.records().size();
        int first = (int) shard.firstOf(total);
        int count = (int) shard.share(total);
        if (count == 0) {
            throw new IllegalArgumentException("scenario " + scenario.name() + ": feeder '" + feeder.name() + "' has "
                    + total + " records, too few for " + shard.count() + " shards that never share one; add records, "
                    + "or run at most " + total + " shards");
        }
        return new FeederSpec(feeder.name(), feeder.file(), feeder.columns(),
                feeder.records().subList(first, first + count), feeder.order(), feeder.share());
    }
}
