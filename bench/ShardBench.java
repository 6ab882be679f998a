import dev.perf.engine.EngineOptions;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.run.Console;
import dev.perf.run.MergeOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import dev.perf.run.ShardOptions;
import dev.perf.scenario.Shard;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One generator of the shard benchmark (bench/shards.sh), through PerfRunner as perf:run and perf:merge run it.
 * Usage: java -cp CLASSPATH ShardBench.java whole SCENARIOS OUT
 *        java -cp CLASSPATH ShardBench.java shard SCENARIOS OUT I N START_AT
 *        java -cp CLASSPATH ShardBench.java merge SCENARIOS OUT SHARD_RESULTS_GLOB BASE
 */
public class ShardBench {
    public static void main(String[] args) throws Exception {
        Console quiet = new Console() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
                System.out.println("  warning: " + line);
            }
        };
        RunOptions options = new RunOptions(Path.of(args[1]), null, Path.of(args[2]), null,
                Map.of("port", System.getProperty("port", "18090")), Map.of(), EngineOptions.defaults(), null);
        RunReport report = switch (args[0]) {
            case "whole" -> new PerfRunner(quiet).run(options);
            case "shard" -> new PerfRunner(quiet).run(options.withShard(new ShardOptions(
                    new Shard(Integer.parseInt(args[3]), Integer.parseInt(args[4])), "bench", Instant.parse(args[5]))));
            case "merge" -> new PerfRunner(quiet).merge(options, new MergeOptions(List.of(args[3]), Path.of(args[4]),
                    false));
            default -> throw new IllegalArgumentException(args[0]);
        };
        RunMetrics m = report.outcomes().get(0).run().metrics();
        RequestStats all = m.overall();
        long planned = all.count() + all.dropped();
        System.out.println(String.format(Locale.ROOT, "%-8s %s: %d of %d arrivals answered (%.2f%%), %d dropped, "
                        + "%.0f responses/s over %.2f s; send lag p99 %s ms max %s ms; "
                        + "latency p50 %.3f p99 %.3f max %.3f ms; %d connections",
                args[0] + (args[0].equals("shard") ? " " + args[3] : ""), report.outcomes().get(0).scenario().name(),
                all.count(), planned, 100.0 * all.count() / Math.max(1, planned), all.dropped(), all.rps(),
                m.elapsedSeconds(), m.sendLagP99Millis(), m.sendLagMaxMillis(), all.percentileMillis(50),
                all.percentileMillis(99), all.maxMillis(), m.connectionsOpened()));
    }
}
