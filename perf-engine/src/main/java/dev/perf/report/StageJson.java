package dev.perf.report;

import dev.perf.analysis.Finding;
import dev.perf.analysis.LevelResult;
import dev.perf.analysis.LinearFit;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.UslFit;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.result.Figures;
import dev.perf.result.ScalabilityResult;
import dev.perf.result.StageResult;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.Stage;
import dev.perf.scenario.StepPlan;

import java.util.function.Function;

import static dev.perf.report.SummaryJson.number;

/** The {@code stages} and {@code scalability} parts of summary.json. */
final class StageJson {

    private StageJson() {
    }

    /** The stage's plan and, when it sent requests, its figures. */
    private record Planned(String type, Double startRate, Double endRate, Integer startUsers, Integer endUsers,
                           Long iterations) {
    }

    /**
     * @param load the scenario's load; a shard's stages keep their histograms (and the send lag's), so that the merge
     *             of the shards has each stage's figures exactly
     */
    static StageResult stage(LoadSpec load, StageMetrics stage) {
        boolean forMerge = load.shard() != null;
        Function<RequestStats, Figures> figures = forMerge ? SummaryJson::withHistograms : SummaryJson::stats;
        Stage planned = load.stages().get(stage.index());
        StepPlan.Level level = load.steps() == null ? null : load.steps().levelOfStage(stage.index());
        String role = load.steps() == null ? null
                : level != null ? "level" : load.steps().roleOfStage(stage.index(), planned);
        Planned plan = planned.fold(
                rate -> new Planned(rate.isRamp() ? "rate-ramp" : "rate", rate.startPerSecond(), rate.endPerSecond(),
                        null, null, null),
                users -> new Planned(users.isRamp() ? "users-ramp" : "users", null, null, users.startUsers(),
                        users.endUsers(), users.iterations() > 0 ? (long) users.iterations() : null),
                pause -> new Planned("pause", null, null, null, null, null));
        StageResult.Offered offered = !stage.offersLoad() ? null : new StageResult.Offered(stage.lateSends(),
                number(stage.sendLagP99Millis()), number(stage.sendLagMaxMillis()), figures.apply(stage.overall()),
                stage.byRequest().values().stream().map(figures).toList(),
                forMerge && stage.sendLagMicros() != null ? SummaryJson.base64(stage.sendLagMicros()) : null);
        return new StageResult(stage.index(), level == null ? null : level.number(), role, stage.description(),
                plan.type(), plan.startRate(), plan.endRate(), plan.startUsers(), plan.endUsers(), plan.iterations(),
                planned.duration() == null ? null : planned.duration().toNanos() / 1e9, stage.ran(),
                stage.elapsedSeconds(), offered);
    }

    static ScalabilityResult scalability(StepPlan steps, ScalabilityAnalysis a) {
        ScalabilityResult.Slope slope = new ScalabilityResult.Slope("ms per " + (a.openModel() ? "request/s" : "user"),
                fit(a.avgSlope()), fit(a.medianSlope()), fit(a.p95Slope()), a.slopeNote());
        ScalabilityResult.Stop stop = a.stoppedEarly() == null ? null : new ScalabilityResult.Stop(
                a.stoppedEarly().level(), a.stoppedEarly().load(), a.stoppedEarly().condition(),
                a.stoppedEarly().measured());
        return new ScalabilityResult(a.openModel() ? "rate" : "concurrency", steps.kind().unit(),
                "successful responses per second", steps.stepDuration().toNanos() / 1e9,
                steps.breakpoint().expression(), steps.stopWhen() == null ? null : steps.stopWhen().expression(),
                a.levels().stream().map(StageJson::level).toList(), slope, finding(a.degradationStart()),
                finding(a.breakpoint()), finding(a.optimalLoad()), finding(a.maxSustainable()),
                a.openModel() ? null : usl(a.usl(), a.uslNote()), stop, a.notes());
    }

    private static ScalabilityResult.Level level(LevelResult level) {
        ScalabilityResult.LevelFigures measured = !level.ran() ? null : new ScalabilityResult.LevelFigures(
                number(level.goodput()), number(level.stats().rps()), number(level.stats().successRatePercent()),
                number(level.stats().meanMillis()), number(level.stats().percentileMillis(50)),
                number(level.stats().percentileMillis(95)), number(level.stats().percentileMillis(99)),
                number(level.stats().maxMillis()), level.stats().failed(), level.stats().dropped(),
                level.thresholdsHeld(), level.broken());
        return new ScalabilityResult.Level(level.number(), level.load(), level.ran(), measured);
    }

    private static ScalabilityResult.Fit fit(LinearFit fit) {
        return fit == null ? null : new ScalabilityResult.Fit(fit.slope(), fit.intercept(), number(fit.r2()), fit.n());
    }

    private static ScalabilityResult.Finding finding(Finding f) {
        String status = switch (f.status()) {
            case FOUND -> "found";
            case NOT_REACHED -> "not-reached";
            case NOT_COMPUTABLE -> "not-computable";
        };
        return new ScalabilityResult.Finding(status, f.level(), number(f.load()), number(f.value()), f.text());
    }

    private static ScalabilityResult.Usl usl(UslFit fit, String note) {
        if (fit == null) {
            return new ScalabilityResult.Usl(false, note, null);
        }
        return new ScalabilityResult.Usl(true, null, new ScalabilityResult.UslFit(fit.lambda(), fit.sigma(),
                fit.kappa(), number(fit.peakConcurrency()), number(fit.peakThroughput()), fit.r2(), fit.n()));
    }
}
