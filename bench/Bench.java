import dev.perf.engine.EngineOptions;
import dev.perf.engine.LoadEngine;
import dev.perf.metrics.LoadRun;
import dev.perf.engine.RunControl;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Stage;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one scenario through the engine (no Maven) and prints what the benchmark needs: achieved rate, CPU time of
 * the whole JVM per request, latency, peak RSS and live heap. Usage: java -cp ENGINE_CLASSPATH Bench.java
 * SCENARIO.yaml IO_THREADS [WARMUP.yaml]
 */
public class Bench {
    public static void main(String[] args) throws Exception {
        Map<String, String> props = Map.of("port", System.getProperty("port", "18090"));
        ScenarioLoader loader = new ScenarioLoader(new Substitutor(System.getenv(), props));
        EngineOptions options = EngineOptions.defaults().withIoThreads(Integer.parseInt(args[1]));
        if (args.length > 2) {
            new LoadEngine(options).run(loader.load(Path.of(args[2])), new RunControl(), p -> { });
        }
        Scenario scenario = loader.load(Path.of(args[0]));
        System.gc();
        Duration cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        long wallBefore = System.nanoTime();
        LoadRun run = new LoadEngine(options).run(scenario, new RunControl(), p -> { });
        long wallNanos = System.nanoTime() - wallBefore;
        Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
        System.gc();
        long heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        RequestStats all = run.metrics().overall();
        double offered = run.metrics().elapsedSeconds();
        System.out.println(String.format(Locale.ROOT,
                "%s: %d responses (%d failed, %d dropped) in %.2fs of load = %.0f req/s; wall %.2fs; "
                        + "CPU %.2f us/request (whole JVM); p50 %.3fms p99 %.3fms max %.3fms; late sends %d (p99 %s ms, worst %s ms); "
                        + "connections opened %d; native transport %s; peak RSS %d MiB; live heap after GC %.1f MiB",
                scenario.name(), all.count(), all.failed(), all.dropped(), offered, all.count() / offered,
                wallNanos / 1e9, cpu.toNanos() / 1e3 / all.count(), all.percentileMillis(50), all.percentileMillis(99),
                all.maxMillis(), run.metrics().lateSends(), run.metrics().sendLagP99Millis(), run.metrics().sendLagMaxMillis(), run.metrics().connectionsOpened(), run.nativeTransport(),
                peakRssKib() / 1024, heapAfterGc / 1048576.0));
        if (run.metrics().stages().size() > 1) {
            for (StageMetrics stage : run.metrics().stages()) {
                RequestStats s = stage.overall();
                System.out.println(String.format(Locale.ROOT, "  stage %d %s: planned %d arrivals, sent %d, dropped %d, "
                                + "late %d, lag p99 %s ms max %s ms, latency p99 %.3fms", stage.index() + 1,
                        stage.description(), planned(scenario.load().stages().get(stage.index())), s.count(), s.dropped(),
                        stage.lateSends(), stage.sendLagP99Millis(), stage.sendLagMaxMillis(), s.percentileMillis(99)));
            }
        }
    }

    /** Arrivals an open-model stage schedules: the integral of its rate line. */
    private static long planned(Stage stage) {
        return stage instanceof RateStage r
                ? (long) Math.ceil((r.startPerSecond() + r.endPerSecond()) / 2 * r.duration().toNanos() / 1e9 - 1e-9) : 0;
    }

    private static long peakRssKib() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
