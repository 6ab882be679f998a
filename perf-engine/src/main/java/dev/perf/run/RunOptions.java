package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.scenario.LiveSpec;
import dev.perf.scenario.VerdictSpec;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to run and where results go.
 *
 * @param scenariosDirectory folder of {@code *.yaml} / {@code *.yml} scenario files
 * @param scenarioFilter     comma-separated scenario names, file names or globs; {@code null} or blank for all
 * @param outputDirectory    where {@code summary.json} and one folder per run are written
 * @param baseUrlOverride    replaces every scenario's {@code target.baseUrl}, or {@code null}
 * @param properties         values for {@code ${NAME}} references
 * @param environment        values for {@code ${env.NAME}} references
 * @param engine             engine tuning
 * @param target             a service to start first and stop afterwards, or {@code null}
 * @param history            where to keep the run history, or {@code null} for none
 * @param progressSeconds    a progress line every this many seconds while a scenario runs; 0 for none
 * @param onSaturatedGenerator replaces every scenario's {@code verdict.onSaturatedGenerator}, or {@code null}
 * @param shard              this generator's part of a load split across several, or {@code null} for the whole
 * @param live               the live endpoint's overrides of every scenario's {@code live:}, or {@code null}
 */
public record RunOptions(Path scenariosDirectory, String scenarioFilter, Path outputDirectory, String baseUrlOverride,
                         Map<String, String> properties, Map<String, String> environment, EngineOptions engine,
                         TargetCommand target, HistoryOptions history, int progressSeconds,
                         VerdictSpec.Saturation onSaturatedGenerator, ShardOptions shard, LiveSpec live) {

    public RunOptions(Path scenariosDirectory, String scenarioFilter, Path outputDirectory, String baseUrlOverride,
                      Map<String, String> properties, Map<String, String> environment, EngineOptions engine,
                      TargetCommand target, HistoryOptions history, int progressSeconds,
                      VerdictSpec.Saturation onSaturatedGenerator, ShardOptions shard) {
        this(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties, environment, engine,
                target, history, progressSeconds, onSaturatedGenerator, shard, null);
    }

    public RunOptions(Path scenariosDirectory, String scenarioFilter, Path outputDirectory, String baseUrlOverride,
                      Map<String, String> properties, Map<String, String> environment, EngineOptions engine,
                      TargetCommand target, HistoryOptions history, int progressSeconds,
                      VerdictSpec.Saturation onSaturatedGenerator) {
        this(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties, environment, engine,
                target, history, progressSeconds, onSaturatedGenerator, null);
    }

    public RunOptions(Path scenariosDirectory, String scenarioFilter, Path outputDirectory, String baseUrlOverride,
                      Map<String, String> properties, Map<String, String> environment, EngineOptions engine,
                      TargetCommand target, HistoryOptions history, int progressSeconds) {
        this(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties, environment, engine,
                target, history, progressSeconds, null);
    }

    /** The same with another history, or none ({@code null}). */
    public RunOptions withHistory(HistoryOptions other) {
        return new RunOptions(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties,
                environment, engine, target, other, progressSeconds, onSaturatedGenerator, shard, live);
    }

    /** The same with another choice of scenarios ({@code null} for all). */
    public RunOptions withScenarioFilter(String filter) {
        return new RunOptions(scenariosDirectory, filter, outputDirectory, baseUrlOverride, properties,
                environment, engine, target, history, progressSeconds, onSaturatedGenerator, shard, live);
    }

    /** The same, as one shard of a load split across several generators. */
    public RunOptions withShard(ShardOptions part) {
        return new RunOptions(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties,
                environment, engine, target, history, progressSeconds, onSaturatedGenerator, part, live);
    }

    /**
     * The same with the live figures' {@code -D} overrides ({@code perf.metrics.port}, {@code perf.metrics.host},
     * {@code perf.otlp.endpoint}, {@code perf.otlp.interval}): what they set replaces what each scenario's
     * {@code live:} says; {@code null} values change nothing.
     */
    public RunOptions withLive(LiveSpec overrides) {
        return new RunOptions(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties,
                environment, engine, target, history, progressSeconds, onSaturatedGenerator, shard, overrides);
    }

    /** The same with the live endpoint's port and host overrides. */
    public RunOptions withLive(Integer port, String host) {
        return withLive(new LiveSpec(port, host));
    }

    /** A progress line every this many seconds by default. */
    public static final int DEFAULT_PROGRESS_SECONDS = 5;

    /** With progress every {@value #DEFAULT_PROGRESS_SECONDS} s. */
    public RunOptions(Path scenariosDirectory, String scenarioFilter, Path outputDirectory, String baseUrlOverride,
                      Map<String, String> properties, Map<String, String> environment, EngineOptions engine,
                      TargetCommand target, HistoryOptions history) {
        this(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties, environment, engine,
                target, history, DEFAULT_PROGRESS_SECONDS);
    }

    /** Without a history. */
    public RunOptions(Path scenariosDirectory, String scenarioFilter, Path outputDirectory, String baseUrlOverride,
                      Map<String, String> properties, Map<String, String> environment, EngineOptions engine,
                      TargetCommand target) {
        this(scenariosDirectory, scenarioFilter, outputDirectory, baseUrlOverride, properties, environment, engine,
                target, null);
    }
}
