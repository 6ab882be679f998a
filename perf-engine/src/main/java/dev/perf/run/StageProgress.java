package dev.perf.run;

import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.scenario.Threshold;
import dev.perf.engine.RunListener;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.report.Cells;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.StepPlan;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the console shows while a scenario runs: a progress line every few seconds, a line for each stage (or level)
 * as it ends, and the stops its {@link StopPolicy} decides, which it asks and prints, never decides.
 */
final class StageProgress implements RunListener {
    private final LoadSpec load;
    private final Console console;
    private final int loadStages;
    private final int everyIntervals;
    private final String plannedSeconds;
    private int intervals;
    private long failedSoFar;
    private volatile int currentStage;
    private final StopPolicy policy;

    /**
     * @param everyIntervals a progress line every this many sampling intervals (seconds); 0 for none
     * @param thresholds     the scenario's thresholds: those marked {@code abort} are judged after each interval
     */
    StageProgress(LoadSpec load, Console console, int everyIntervals, List<Threshold> thresholds) {
        this.policy = new StopPolicy(load, thresholds);
        this.load = load;
        this.console = console;
        this.everyIntervals = everyIntervals;
        this.loadStages = (int) load.stages().stream().filter(s -> s.offersLoad()).count();
        boolean bounded = load.stages().stream().allMatch(s -> s.duration() != null);
        this.plannedSeconds = bounded ? String.format(Locale.ROOT, "%.0fs", load.stages().stream()
                .mapToDouble(s -> s.duration().toNanos() / 1e9).sum()) : "?";
    }

    /** Where {@code stopWhen} stopped the run, or {@code null}. */
    ScalabilityAnalysis.Stop stop() {
        return policy.stop();
    }

    @Override
    public void interval(IntervalPoint p) {
        interval(p, -1);
    }

    /**
     * Every few seconds, one plain line (no terminal control codes, so CI logs read well): elapsed of planned time,
     * the current stage, the last interval's response rate, p95 and failures, failures so far, and what is in flight.
     */
    @Override
    public void interval(IntervalPoint p, int inFlight) {
        failedSoFar += p.failed();
        if (everyIntervals <= 0 || ++intervals % everyIntervals != 0) {
            return;
        }
        int stage = Math.min(currentStage, load.stages().size() - 1);
        String where = load.stages().size() > 1 ? "  " + label(stage, load.stages().get(stage).describe()) : "";
        String latency = p.count() == 0 ? "no responses" : "p95 " + Cells.millis(p.p95Millis()) + "ms";
        console.info(String.format(Locale.ROOT, "  %4.0fs/%s%s  %s responses/s  %s  errors %,d (%,d so far)%s",
                p.endSeconds(), plannedSeconds, where, Cells.rate(p.perSecond()), latency, p.failed(), failedSoFar,
                inFlight < 0 ? "" : "  in flight " + inFlight));
    }

    @Override
    public boolean wantsFiguresSoFar() {
        return policy.judgesIntervals();
    }

    @Override
    public String figuresSoFar(RequestStats overall, Map<String, RequestStats> byRequest, double elapsedSeconds) {
        String reason = policy.abortReason(overall, byRequest, elapsedSeconds);
        if (reason != null) {
            console.warn("stopping " + reason);
        }
        return reason;
    }

    @Override
    public boolean stageEnded(StageMetrics soFar) {
        currentStage = soFar.index() + 1;
        StepPlan steps = load.steps();
        if (loadStages > 1) {
            console.info("  " + label(soFar.index(), soFar.description()) + ": " + line(soFar));
        }
        ScalabilityAnalysis.Stop stop = policy.afterStage(soFar);
        if (stop == null) {
            return true;
        }
        console.info("  stopWhen '" + stop.condition() + "' held at level " + stop.level() + " ("
                + steps.kind().format(stop.load()) + ", measured " + stop.measured() + "): not escalating further");
        return false;
    }

    /**
     * A stage as both the progress lines and the end-of-stage lines name it: a stepped run's level by its number
     * among the levels ("level 2/4  100/s"), its warm-up or ramp by role, any other stage by its number among the
     * stages.
     */
    private String label(int stage, String description) {
        StepPlan steps = load.steps();
        StepPlan.Level level = steps == null ? null : steps.levelOfStage(stage);
        return level != null
                ? "level " + level.number() + "/" + steps.levels().size() + "  " + steps.kind().format(level.load())
                : steps != null ? steps.roleOfStage(stage, load.stages().get(stage)) + "  " + description
                : "stage " + (stage + 1) + "/" + load.stages().size() + "  " + description;
    }

    /** A stage's figures when it ends; responses still in flight then count in the end-of-run table. */
    private static String line(StageMetrics stage) {
        RequestStats s = stage.overall();
        String text = Cells.count(s.count()) + " responses  " + Cells.rate(s.okPerSecond()) + " ok/s  success "
                + Cells.percent(s.successRatePercent()) + "  avg " + Cells.millis(s.meanMillis()) + "  median "
                + Cells.millis(s.percentileMillis(50)) + "  p95 " + Cells.millis(s.percentileMillis(95)) + "  p99 "
                + Cells.millis(s.percentileMillis(99)) + "  max " + Cells.millis(s.maxMillis()) + " ms  errors "
                + Cells.count(s.failed());
        if (s.dropped() > 0) {
            text += "  dropped " + Cells.count(s.dropped());
        }
        if (stage.lateSends() > 0) {
            text += "  late " + Cells.count(stage.lateSends());
        }
        return text;
    }

    @Override
    public void warmedUp(long exchanges, java.time.Duration took, boolean jitQuiet) {
        console.info(String.format(java.util.Locale.ROOT, "  warmed the engine up in %.1fs: %,d exchanges with a server "
                + "inside the generator, nothing sent to the target%s", took.toMillis() / 1000.0, exchanges,
                jitQuiet ? "" : " (the JIT compiler was still busy when the warm-up's time was up)"));
    }

    @Override
    public void exchange(String block) {
        DryRun.print(block, console);
    }
}
