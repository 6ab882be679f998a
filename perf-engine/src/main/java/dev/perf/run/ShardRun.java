package dev.perf.run;

import dev.perf.analysis.ThresholdResult;
import dev.perf.engine.RunControl;
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
     * Waits for {@code startAt} (Ctrl-C ends the wait), then says how late this shard starts.
     *
     * @return the shard's place in the run, for its results
     */
    static RunResult.ShardInfo waitForStart(ShardOptions options, RunControl control, Console console) {
        Instant startAt = options.startAt();
        Long lateMillis = null;
        if (startAt != null) {
            Duration wait = Duration.between(Instant.now(), startAt);
            if (!wait.isNegative() && !wait.isZero()) {
                console.info("  waiting " + seconds(wait) + " for the shards' start at " + startAt);
                while (!control.aborted() && Instant.now().isBefore(startAt)) {
                    try {
                        Thread.sleep(Math.max(1, Math.min(100, Duration.between(Instant.now(), startAt).toMillis())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            lateMillis = Math.max(0, Duration.between(startAt, Instant.now()).toMillis());
            if (Duration.ofMillis(lateMillis).compareTo(TOLERATED_LATENESS) > 0) {
                console.warn("shard " + options.shard() + " starts " + seconds(Duration.ofMillis(lateMillis))
                        + " after perf.startAt " + startAt + ": its load is that much behind the other shards' (start "
                        + "the shards earlier, or set perf.startAt later)");
            }
        }
        return new RunResult.ShardInfo(options.shard().index(), options.shard().count(), options.runKey(),
                startAt == null ? null : startAt.toString(), lateMillis,
                RunContext.host(System.getenv()), null);
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
