package dev.perf.run;

import dev.perf.analysis.ThresholdResult;
import dev.perf.history.RunContext;
import dev.perf.result.RunResult;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Shard;
import dev.perf.scenario.ShardSplit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What is different when this generator runs one shard of a load: each scenario is cut to its share, the shards start
 * together at {@code perf.startAt}, thresholds are left to the merged run (a shard's figures are a part), and the run
 * is not recorded in the history (the merged run is).
 */
final class ShardRun {
    /** A shard that starts later than this after {@code startAt} says so as a warning. */
    static final Duration TOLERATED_LATENESS = Duration.ofSeconds(1);

    private ShardRun() {
    }

    /**
     * Cuts each scenario to this shard's share, and drops the history.
     *
     * @throws PerfSetupException when a scenario cannot be split that many ways; nothing has been sent
     */
    static RunOptions prepare(RunOptions options, List<Scenario> selected, Console console) {
        Shard shard = options.shard().shard();
        try {
            selected.replaceAll(s -> ShardSplit.of(s, shard));
        } catch (IllegalArgumentException e) {
            throw new PerfSetupException(e.getMessage() + " (perf.shard=" + shard + ")");
        }
        console.info("Shard " + shard + (options.shard().runKey() == null ? "" : " of run " + options.shard().runKey())
                + ": this generator sends its share of each scenario; thresholds are judged on the merged run");
        if (options.history() != null) {
            console.info("  history: a shard is not recorded (its figures are a part): the merged run is");
            return options.withHistory(null);
        }
        return options;
    }

    /**
     * This shard's place in the run, and when its load is to start: the engine waits for {@code startAt} once the
     * client is set up, so that the shards' schedules line up.
     *
     * @return the shard's place, for its results (its lateness comes once its load has started)
     */
    static RunResult.ShardInfo announce(ShardOptions options, Console console) {
        Instant startAt = options.startAt();
        if (startAt != null) {
            Duration wait = Duration.between(Instant.now(), startAt);
            if (!wait.isNegative() && !wait.isZero()) {
                console.info("  waiting " + seconds(wait) + " for the shards' start at " + startAt);
            }
        }
        return new RunResult.ShardInfo(options.shard().index(), options.shard().count(), options.runKey(),
                startAt == null ? null : startAt.toString(), null, RunContext.host(System.getenv()), null);
    }

    /**
     * The shard's place with how late its load began after {@code startAt}; a warning when later than
     * {@link #TOLERATED_LATENESS}.
     *
     * @param loadStart when the engine began the load
     */
    static RunResult.ShardInfo started(RunResult.ShardInfo shard, Instant loadStart, Console console) {
        if (shard.startAt() == null) {
            return shard;
        }
        Instant startAt = Instant.parse(shard.startAt());
        long lateMillis = Math.max(0, Duration.between(startAt, loadStart).toMillis());
        if (Duration.ofMillis(lateMillis).compareTo(TOLERATED_LATENESS) > 0) {
            console.warn("shard " + shard.index() + "/" + shard.count() + " started " + seconds(Duration.ofMillis(
                    lateMillis)) + " after perf.startAt " + startAt + ": its load is that much behind the other "
                    + "shards' (start the shards earlier, or set perf.startAt later)");
        }
        return new RunResult.ShardInfo(shard.index(), shard.count(), shard.runKey(), shard.startAt(), lateMillis,
                shard.host(), shard.scenarioSha256());
    }

    /** After the first scenario: the next ones start when the one before ends, not at {@code startAt}. */
    static RunResult.ShardInfo withoutStart(RunResult.ShardInfo shard) {
        return new RunResult.ShardInfo(shard.index(), shard.count(), shard.runKey(), null, null, shard.host(),
                shard.scenarioSha256());
    }

    /** The thresholds, measured on this shard's part but not judged: the merged run judges them. */
    static List<ThresholdResult> leftForMerge(List<ThresholdResult> results, Shard shard) {
        return results.stream().map(r -> new ThresholdResult(r.threshold(), r.actual(), r.passed(),
                "not judged on shard " + shard + " alone: its figures are a part; the merged run judges it", false))
                .toList();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
