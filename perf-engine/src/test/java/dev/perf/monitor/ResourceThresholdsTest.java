package dev.perf.monitor;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdEvaluator;
import dev.perf.scenario.ThresholdParser;
import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.RunMetrics;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perf.scenario.Scope;
import dev.perf.scenario.ResourceMetric;

/** Resource thresholds and the generator check on hand-made series. */
class ResourceThresholdsTest {
    private static final double MB = 1024 * 1024;

    private static ResourceSample sample(double t, double machineCpu, double machineMemory, double generatorCpu,
                                         double targetMemory) {
        Map<Scope, double[]> values = new EnumMap<>(Scope.class);
        double[] machine = ResourceSample.empty();
        machine[ResourceMetric.CPU.ordinal()] = machineCpu;
        machine[ResourceMetric.MEMORY.ordinal()] = machineMemory;
        values.put(Scope.MACHINE, machine);
        double[] generator = ResourceSample.empty();
        generator[ResourceMetric.CPU.ordinal()] = generatorCpu;
        values.put(Scope.GENERATOR, generator);
        if (!Double.isNaN(targetMemory)) {
            double[] target = ResourceSample.empty();
            target[ResourceMetric.MEMORY.ordinal()] = targetMemory;
            values.put(Scope.TARGET, target);
        }
        return new ResourceSample(t, 0, values);
    }

    private static ResourceSeries series(String target, ResourceSample... samples) {
        EnumSet<Scope> watched = EnumSet.of(Scope.MACHINE, Scope.GENERATOR);
        if (target != null) {
            watched.add(Scope.TARGET);
        }
        return new ResourceSeries(List.of(samples), watched, 1, 2, 2, new CgroupLimits(null, null), target, 0.3,
                List.of());
    }

    private static List<ThresholdResult> judge(ResourceSeries series, String... expressions) {
        return ThresholdEvaluator.evaluate(List.of(expressions).stream().map(ThresholdParser::parse).toList(),
                new RunFigures(null, Map.of(), null, new ResourceSummary(series)));
    }

    @Test
    void monitorThresholdsPassAndFailOnAvgAndMax() {
        ResourceSeries s = series("pid 1", sample(1, 40, 900 * MB, 50, 300 * MB), sample(2, 90, 1100 * MB, 150, 600 * MB));
        List<ThresholdResult> results = judge(s, "cpu.avg < 80%", "cpu.max < 80%", "memory.max < 1000MB",
                "memory.avg < 1GB", "target.memory.max < 512MB", "target.memory.avg <= 450MB", "generator.cpu.avg < 90%",
                "generator.cpu.max <= 150%");
        assertThat(results).extracting(ThresholdResult::passed)
                .containsExactly(true, false, false, true, false, true, false, true);
        assertThat(results.get(0).actual()).isEqualTo(65.0);
        assertThat(results.get(2).describe()).isEqualTo("memory.max < 1000MB  (measured 1.07GB)");
        assertThat(results.get(4).describe()).isEqualTo("target.memory.max < 512MB  (measured 600MB)");
    }

    @Test
    void aFigureThatWasNotMeasuredFailsAndSaysWhy() {
        ResourceSeries noTarget = series(null, sample(1, 10, 100 * MB, 5, Double.NaN));
        ThresholdResult target = judge(noTarget, "target.cpu.max < 95%").get(0);
        assertThat(target.passed()).isFalse();
        assertThat(target.describe()).isEqualTo("target.cpu.max < 95%  (no target process is known (start it with the "
                + "run, or set monitor.target))");

        ThresholdResult disk = judge(noTarget, "disk-read.max < 50MB/s").get(0);
        assertThat(disk.passed()).isFalse();
        assertThat(disk.note()).isEqualTo("machine disk-read is not available on this platform");

        ThresholdResult off = ThresholdEvaluator.evaluate(List.of(ThresholdParser.parse("cpu.avg < 80%")),
                new RunFigures(null, Map.of(), null, null)).get(0);
        assertThat(off.passed()).isFalse();
        assertThat(off.note()).contains("monitoring is off");

        ThresholdResult empty = judge(series(null), "cpu.avg < 80%").get(0);
        assertThat(empty.note()).contains("no resource samples");
    }

    @Test
    void resourceExpressionsAreParsedWithTheirUnits() {
        assertThat(ThresholdParser.parse("target.memory.max < 512MB").limit()).isEqualTo(512 * MB);
        assertThat(ThresholdParser.parse("disk-write.avg < 50MB/s").limit()).isEqualTo(50 * MB);
        assertThat(ThresholdParser.parse("generator.cpu.max < 180%").limit()).isEqualTo(180);
        assertThat(ThresholdParser.parse("target.connections.max <= 100").limit()).isEqualTo(100);
        assertThat(ThresholdParser.parse("load.avg < 1.5").metric().monitor().scope()).isEqualTo(Scope.MACHINE);
        assertThatThrownBy(() -> ThresholdParser.parse("target.load.avg < 1"))
                .hasMessageContaining("load is not measured for the target");
        assertThatThrownBy(() -> ThresholdParser.parse("memory.max < 1000"))
                .hasMessageContaining("is not a size; expected a number with B, KB, MB, GB or TB");
        assertThatThrownBy(() -> ThresholdParser.parse("net-sent.max < 5MB"))
                .hasMessageContaining("needs a size per second such as 50MB/s");
        assertThatThrownBy(() -> ThresholdParser.parse("cpu.max < 120%")).hasMessageContaining("between 0% and 100%");
    }

    @Test
    void theGeneratorCheckFlagsASaturatedGeneratorAndSaysWhy() {
        RunMetrics quiet = runMetrics(0.4, 2.0);
        assertThat(GeneratorCheck.check(series(null, sample(1, 50, MB, 80, Double.NaN)), quiet).saturated()).isFalse();

        // two cores: 190% is 95% of what it may use, in 2 of 3 samples
        GeneratorCheck.Verdict busy = GeneratorCheck.check(series(null, sample(1, 60, MB, 190, Double.NaN),
                sample(2, 70, MB, 195, Double.NaN), sample(3, 40, MB, 60, Double.NaN)), quiet);
        assertThat(busy.saturated()).isTrue();
        assertThat(busy.reasons()).containsExactly("its CPU was at 180% or more of its 2 cores in 2 of 3 samples (max 195%)");

        GeneratorCheck.Verdict machine = GeneratorCheck.check(series(null, sample(1, 99, MB, 60, Double.NaN)), quiet);
        assertThat(machine.reasons()).singleElement().asString().startsWith("the machine's CPU was 95% busy or more");

        GeneratorCheck.Verdict late = GeneratorCheck.check(null, runMetrics(12.5, 40));
        assertThat(late.reasons()).containsExactly("open-model sends were 12.5 ms behind schedule at the 99th "
                + "percentile (worst 40.0 ms)");
    }

    private static RunMetrics runMetrics(double lagP99, double lagMax) {
        return new RunMetrics(1, null, Map.of(), List.of(), Map.of(), 0, 0, 0, lagP99, lagMax);
    }
}
