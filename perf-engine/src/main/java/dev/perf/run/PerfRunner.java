package dev.perf.run;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.engine.LoadEngine;
import dev.perf.metrics.LoadRun;
import dev.perf.engine.RunControl;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.live.LiveRun;
import dev.perf.live.LiveFigures;
import java.util.function.Consumer;
import dev.perf.engine.ListenerPair;
import dev.perf.scenario.LiveSpec;
import dev.perf.monitor.ResourceSeries;
import dev.perf.monitor.ResourceSummary;
import dev.perf.report.HistorySink;
import dev.perf.report.Redact;
import dev.perf.report.ResourcesJson;
import dev.perf.report.ResultFiles;
import dev.perf.report.RunSink;
import dev.perf.result.RunResult;
import dev.perf.scenario.HttpUrls;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.VerdictSpec;
import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs every selected scenario: all are loaded and validated first, and if any is invalid nothing is sent.
 * Each run writes {@code <output>/<run-id>/summary.json} and {@code latency.hlog}; the invocation writes
 * {@code <output>/summary.json} listing its runs. Ctrl-C stops the current run, whose results are still
 * written, marked partial.
 */
public final class PerfRunner {
    private static final int SHUTDOWN_WAIT_SECONDS = 30;
    private final Console console;
    private final List<InvocationSink> callerSinks;

    public PerfRunner(Console console) {
        this(console, List.of());
    }

    /** @param callerSinks invocation sinks of the caller, after perf's own (summary.json, JUnit XML, Markdown) */
    public PerfRunner(Console console, List<InvocationSink> callerSinks) {
        this.console = console;
        this.callerSinks = List.copyOf(callerSinks);
    }

    /**
     * @throws PerfSetupException when there is nothing to run or the options are unusable
     * @throws IOException        when results cannot be written
     */
    /** What {@link #validate} found: the scenarios that load, and the problems of those that do not. */
    public record Validation(List<Scenario> valid, List<ScenarioException> invalid) {
    }

    /**
     * Loads and checks every selected scenario file exactly as {@link #run} does, and sends nothing.
     *
     * @throws PerfSetupException when there is no scenario file, or the filter matches none
     */
    public Validation validate(RunOptions options) {
        List<Scenario> selected = new ArrayList<>();
        List<ScenarioException> invalid = new ArrayList<>();
        load(options, selected, invalid);
        return new Validation(selected, invalid);
    }

    public RunReport run(RunOptions requested) throws IOException {
        RunOptions options = requested;
        List<Scenario> selected = new ArrayList<>();
        List<ScenarioException> invalid = new ArrayList<>();
        load(options, selected, invalid);
        if (!invalid.isEmpty()) {
            RunMarkers.invalid(options.outputDirectory(), invalid.size());
            return new RunReport(invalid, List.of(), false);
        }
        if (options.baseUrlOverride() != null && !options.baseUrlOverride().isBlank()) {
            String url = checkedBaseUrl(options.baseUrlOverride().trim());
            selected.replaceAll(s -> s.withBaseUrl(url));
        }
        if (options.onSaturatedGenerator() != null) {
            VerdictSpec.Saturation policy = options.onSaturatedGenerator();
            selected.replaceAll(s -> s.withSaturationPolicy(policy));
        }
        if (options.live() != null) {
            LiveSpec override = options.live();
            selected.replaceAll(s -> s.withLive(s.live().overriddenBy(override)));
        }
        if (options.shard() != null) {
            options = ShardRun.prepare(options, selected, console);
        }
        try (LiveEndpoints live = LiveEndpoints.open(selected, console)) {
            RunReport report = run(options, selected, live);
            if (!report.aborted()) {
                // after Ctrl-C the results are written and the build ends now, not after a last scrape
                live.awaitLastScrapes();
            }
            return report;
        }
    }

    private RunReport run(RunOptions options, List<Scenario> selected, LiveEndpoints live) throws IOException {
        Files.createDirectories(options.outputDirectory());
        RunMarkers.invocationStarted(options.outputDirectory());
        RunControl control = new RunControl();
        RunOptions chosen = options;
        // nothing ran when the target cannot start: the "running" marker gives way to a verdict that says why (without
        // the message itself, which quotes the command line and the target's output: the build log has them)
        return withTarget(options, control, () -> InvocationFile.write(chosen.outputDirectory(), new RunReport(
                List.of(), List.of(), control.aborted(), List.of(control.aborted()
                ? "stopped while the target was starting: nothing was sent"
                : "the target could not be started, so nothing was sent (the build log says why)"))), startedPid -> {
            List<String> problems = new ArrayList<>();
            // startAt applies to the first scenario: the shards' next ones start when the one before ends
            AtomicReference<RunResult.ShardInfo> shard = new AtomicReference<>(chosen.shard() == null ? null
                    : ShardRun.announce(chosen.shard(), console));
            List<ScenarioOutcome> outcomes = runAll(selected, chosen, control, (scenario, history) -> {
                RunResult.ShardInfo part = shard.get();
                shard.set(part == null ? null : ShardRun.withoutStart(part));
                return runOne(scenario, chosen, control, startedPid, history, part, live.of(scenario));
            }, problems);
            return new RunReport(List.of(), outcomes, control.aborted(), problems);
        });
    }

    /** Something to do that may fail to write. */
    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** What runs while the target is up. */
    @FunctionalInterface
    private interface WithTarget<T> {
        /** @param startedPid the target the run started, or {@code null} */
        T run(Long startedPid) throws IOException;
    }

    /**
     * Starts the target (when the options have one), runs {@code body}, and stops the target, also on Ctrl-C:
     * the hook stops sending and keeps the JVM alive while the runs write what they gathered and stop the target; if
     * that takes too long, it stops the target itself.
     *
     * @param onStartFailure what to leave behind when the target cannot be started (then nothing was sent)
     */
    private <T> T withTarget(RunOptions options, RunControl control, IoAction onStartFailure, WithTarget<T> body)
            throws IOException {
        CountDownLatch cleanedUp = new CountDownLatch(1);
        AtomicReference<TargetProcess> target = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            control.abort();
            try {
                cleanedUp.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TargetProcess started = target.getAndSet(null);
            if (started != null) {
                started.close();
            }
        }, "perf-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (options.target() != null) {
                try {
                    target.set(startTarget(options.target(), control));
                } catch (PerfSetupException e) {
                    onStartFailure.run();
                    throw e;
                }
            }
            return body.run(target.get() == null ? null : target.get().pid());
        } finally {
            TargetProcess started = target.getAndSet(null);
            if (started != null) {
                started.close();
                console.info("Target stopped");
            }
            cleanedUp.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook is already running and sees the latch released
            }
        }
    }

    private TargetProcess startTarget(TargetCommand t, RunControl control) throws IOException {
        console.info("Starting the target: " + String.join(" ", t.command()));
        TargetProcess process = TargetProcess.start(t.command(), t.workingDirectory(), t.logFile(), t.readyUrl(),
                t.readyTimeout(), control::aborted);
        console.info("Target is up (pid " + process.pid() + ", ready at " + t.readyUrl() + ", output in "
                + t.logFile() + ")");
        return process;
    }

    /**
     * Runs the scenarios one after another; each run, once judged, goes through the run sinks (its result files, the
     * console, the history), and all of them together through the invocation's (summary.json, JUnit XML, Markdown).
     *
     * @param step     runs (or merges) one scenario and judges it
     * @param problems gets what went wrong besides the verdicts (a run that could not be recorded)
     */
    private List<ScenarioOutcome> runAll(List<Scenario> selected, RunOptions options, RunControl control,
                                         ScenarioStep step, List<String> problems) throws IOException {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        HistoryWriter history = HistoryWriter.open(options.history(), options.environment(), console);
        List<RunSink<? super ScenarioOutcome>> sinks = new ArrayList<>();
        sinks.add(new ResultFiles());
        sinks.add(new ConsoleSink(console, history != null));
        if (history != null) {
            sinks.add(history.sink());
        } else if (options.history() != null && options.history().required()) {
            sinks.add(run -> "run " + run.runId() + " of " + run.scenario().name() + " was not recorded: the run "
                    + "history " + options.history().location() + " could not be opened (see the warning above; "
                    + HistorySink.WITHOUT_HISTORY + ")");
        }
        try {
            for (Scenario scenario : selected) {
                if (control.aborted()) {
                    console.warn("stopped: scenario " + scenario.name() + " was not run");
                    continue;
                }
                ScenarioOutcome outcome = step.run(scenario, history);
                outcomes.add(outcome);
                for (RunSink<? super ScenarioOutcome> sink : sinks) {
                    String problem = sink.runEnded(outcome);
                    if (problem != null) {
                        console.warn(problem);
                        problems.add(problem + "; its results are in " + outcome.runDirectory());
                    }
                }
            }
        } finally {
            if (history != null) {
                history.close();
            }
        }
        RunReport report = new RunReport(List.of(), outcomes, control.aborted(), problems);
        Path output = options.outputDirectory();
        List<InvocationSink> invocationSinks = new ArrayList<>(List.of(new InvocationFile(output),
                new JUnitXml(output.resolve("junit.xml")), new MarkdownSummary(output, options.environment(), console)));
        invocationSinks.addAll(callerSinks);
        for (InvocationSink sink : invocationSinks) {
            sink.invocationEnded(report);
        }
        return outcomes;
    }

    /**
     * Sends each flow and request of each selected scenario once ({@code perf.dryRun}) and prints every exchange in
     * full; judges, writes and records nothing. An invalid scenario sends nothing, as for a run; a target the options
     * start is started and stopped as for a run.
     *
     * @return the invalid scenarios (nothing was sent then), and the exchanges sent
     */
    public DryRunReport dryRun(RunOptions options) throws IOException {
        List<Scenario> selected = new ArrayList<>();
        List<ScenarioException> invalid = new ArrayList<>();
        load(options, selected, invalid);
        if (!invalid.isEmpty()) {
            return new DryRunReport(invalid, 0);
        }
        if (options.baseUrlOverride() != null && !options.baseUrlOverride().isBlank()) {
            String url = checkedBaseUrl(options.baseUrlOverride().trim());
            selected.replaceAll(s -> s.withBaseUrl(url));
        }
        RunControl control = new RunControl();
        return withTarget(options, control, () -> { }, startedPid -> new DryRunReport(List.of(),
                DryRun.run(selected, options, control, console)));
    }

    /** What a dry run did: the invalid scenarios (then nothing was sent), else how many exchanges it sent. */
    public record DryRunReport(List<ScenarioException> invalid, long exchanges) {
    }

    /** Produces one scenario's judged outcome. */
    @FunctionalInterface
    private interface ScenarioStep {
        ScenarioOutcome run(Scenario scenario, HistoryWriter history) throws IOException;
    }

    /**
     * Merges the results of a load split across generators ({@code perf.shard}) into one run per scenario, judged,
     * recorded and reported as any run is. Every check (the same run, the same scenario, every shard) is made before
     * anything is written: a merge that cannot be made records nothing.
     *
     * @throws PerfSetupException when the shards' results are not the whole of one run, or the project's scenario is
     *                            not the one the shards ran
     * @throws IOException        when results cannot be written
     */
    public RunReport merge(RunOptions requested, MergeOptions merge) throws IOException {
        RunOptions options = requested.withShard(null);
        List<ShardResults.Group> groups = ShardResults.find(merge.shardResults(), merge.baseDirectory(),
                merge.allowPartial());
        List<Scenario> available = new ArrayList<>();
        List<ScenarioException> invalid = new ArrayList<>();
        load(options.withScenarioFilter(null), available, invalid);
        List<Scenario> selected = new ArrayList<>();
        Map<String, ShardMerge> merges = new HashMap<>();
        for (ShardResults.Group group : groups) {
            ShardMerges.checkOutside(group, options.outputDirectory());
            Scenario scenario = ShardMerges.scenarioOf(group, available, invalid, options);
            merges.put(scenario.name(), ShardMerges.merge(scenario, group, options.engine().sampleIntervalMillis()));
            selected.add(scenario);
        }
        Files.createDirectories(options.outputDirectory());
        RunMarkers.invocationStarted(options.outputDirectory());
        List<String> problems = new ArrayList<>();
        List<ScenarioOutcome> outcomes = runAll(selected, options, new RunControl(), (scenario, history) ->
                mergeOne(scenario, merges.get(scenario.name()), options, history), problems);
        return new RunReport(List.of(), outcomes, false, problems);
    }

    private ScenarioOutcome mergeOne(Scenario scenario, ShardMerge merged, RunOptions options, HistoryWriter history)
            throws IOException {
        String runId = RunIds.next(options.outputDirectory(), scenario.name(), LocalDateTime.now());
        Path runDirectory = Files.createDirectories(options.outputDirectory().resolve(runId));
        RunMarkers.runStarted(runDirectory, runId, scenario.name());
        console.info("");
        ShardMerges.describe(scenario, merged, console);
        merged.timeline().write(runDirectory.resolve("latency.hlog"));
        ScenarioOutcome outcome = new RunJudge(history, options.history()).judge(scenario, runId, runDirectory,
                merged.run(), merged.stop(), null, null, merged.generator(),
                new RunJudge.Adjust(merged::withShardResources, ShardMerges.incomplete(merged.group())));
        return outcome.withResult(outcome.result().withMerged(merged.from()));
    }

    private void load(RunOptions options, List<Scenario> selected, List<ScenarioException> invalid) {
        String filterProblem = ScenarioFiles.filterProblem(options.scenarioFilter());
        if (filterProblem != null) {
            throw new PerfSetupException(filterProblem);
        }
        Path directory = options.scenariosDirectory();
        List<Path> files;
        try {
            files = ScenarioFiles.list(directory);
        } catch (IOException e) {
            throw new PerfSetupException("cannot list the scenario files in " + directory + ": " + e.getMessage()
                    + "; check perf.scenariosDirectory");
        }
        if (files.isEmpty()) {
            throw new PerfSetupException("no scenario files (*.yaml, *.yml) in " + directory
                    + "; add one there, or point perf.scenariosDirectory at the folder that has them");
        }
        ScenarioLoader loader = new ScenarioLoader(new Substitutor(options.environment(), options.properties()));
        List<String> filter = ScenarioFiles.filterEntries(options.scenarioFilter());
        List<String> available = new ArrayList<>();
        for (Path file : files) {
            try {
                Scenario scenario = loader.load(file);
                available.add(scenario.name());
                if (ScenarioFiles.matches(filter, file, scenario.name())) {
                    selected.add(scenario);
                }
            } catch (ScenarioException e) {
                available.add(file.getFileName().toString());
                if (ScenarioFiles.matches(filter, file, null)) {
                    invalid.add(e);
                }
            }
        }
        if (selected.isEmpty() && invalid.isEmpty()) {
            throw new PerfSetupException("no scenario matches perf.scenario=" + options.scenarioFilter()
                    + "; available: " + String.join(", ", available));
        }
    }

    private static String checkedBaseUrl(String url) {
        String problem = HttpUrls.problem(url);
        if (problem != null) {
            throw new PerfSetupException("perf.baseUrl: " + problem);
        }
        return HttpUrls.asBase(url);
    }

    /**
     * @param startedPid the target process the run started, or {@code null}: monitored unless monitor.target says otherwise
     * @param history    where relative thresholds find their baseline, or {@code null}
     * @param shard      this generator's place in a load split across several, or {@code null}
     */
    private ScenarioOutcome runOne(Scenario scenario, RunOptions options, RunControl control, Long startedPid,
                                   HistoryWriter history, RunResult.ShardInfo shard, Consumer<LiveFigures> liveFigures)
            throws IOException {
        String runId = RunIds.next(options.outputDirectory(), scenario.name(), LocalDateTime.now());
        Path runDirectory = Files.createDirectories(options.outputDirectory().resolve(runId));
        RunMarkers.runStarted(runDirectory, runId, scenario.name());
        console.info("");
        console.info("Running " + scenario.name() + ": " + scenario.load().describe() + " against "
                + Redact.url(scenario.baseUrl()) + (scenario.environment() == null ? ""
                : " (environment " + scenario.environment() + ")"));
        if (scenario.http().tls().insecure()) {
            console.warn("TLS certificates are not verified for " + scenario.name() + " (defaults.tls.insecure: true): "
                    + "any server can pose as the target; use it only against test servers");
        }
        LoadEngine engine = new LoadEngine(options.engine().withHlogFile(runDirectory.resolve("latency.hlog"))
                .withStartAt(shard == null || shard.startAt() == null ? null : Instant.parse(shard.startAt())));
        StageProgress progress = new StageProgress(scenario.load(), console, (int) Math.round(options.progressSeconds()
                * 1000.0 / options.engine().sampleIntervalMillis()), scenario.thresholds());
        ResourceMonitor monitor = ResourceMonitor.start(scenario.monitor(), startedPid, line -> console.warn(line));
        LiveRun live = liveFigures == null ? null : new LiveRun(scenario, monitor, liveFigures);
        LoadRun run;
        ResourceSeries series;
        try {
            run = engine.run(scenario, control, ListenerPair.of(progress, live));
        } finally {
            series = monitor.stop();
        }
        if (live != null) {
            live.ended(run.metrics().byRequest(), run.metrics().overall(), run.metrics().lateSends());
        }
        ResourceSummary resources = scenario.monitor().enabled() ? new ResourceSummary(series) : null;
        GeneratorCheck.Verdict generator = GeneratorCheck.check(resources == null ? null : series, run.metrics());
        RunJudge.Adjust adjust = shard == null ? RunJudge.Adjust.NONE : new RunJudge.Adjust(
                t -> ShardRun.leftForMerge(t, options.shard().shard()), List.of());
        ScenarioOutcome outcome = new RunJudge(history, options.history()).judge(scenario, runId, runDirectory, run,
                progress.stop(), resources, resources == null ? null : ResourcesJson.series(runId, resources),
                generator, adjust);
        return shard == null ? outcome : outcome.withResult(outcome.result().withShard(ShardRun.started(shard,
                run.startTime(), console).withScenario(ScenarioOutcome.sha256(scenario.file()))));
    }
}
