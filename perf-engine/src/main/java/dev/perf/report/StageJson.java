package dev.perf.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.analysis.Finding;
import dev.perf.analysis.LevelResult;
import dev.perf.analysis.LinearFit;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.UslFit;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.Stage;
import dev.perf.scenario.StepPlan;

import static dev.perf.report.SummaryJson.putNullable;

/** The {@code stages} and {@code scalability} parts of summary.json. */
final class StageJson {

    private StageJson() {
    }

    static ObjectNode stage(LoadSpec load, StageMetrics stage) {
        Stage planned = load.stages().get(stage.index());
        ObjectNode node = SummaryJson.mapper().createObjectNode();
        node.put("index", stage.index());
        StepPlan.Level level = load.steps() == null ? null : load.steps().levelOfStage(stage.index());
        node.put("level", level == null ? null : level.number());
        if (load.steps() != null) {
            node.put("role", level != null ? "level" : load.steps().roleOfStage(stage.index(), planned));
        }
        node.put("description", stage.description());
        planned.fold(rate -> {
            node.put("type", rate.isRamp() ? "rate-ramp" : "rate");
            node.put("startRate", rate.startPerSecond());
            return node.put("endRate", rate.endPerSecond());
        }, users -> {
            node.put("type", users.isRamp() ? "users-ramp" : "users");
            node.put("startUsers", users.startUsers());
            node.put("endUsers", users.endUsers());
            return users.iterations() > 0 ? node.put("iterations", users.iterations()) : node;
        }, pause -> node.put("type", "pause"));
        if (planned.duration() == null) {
            node.putNull("plannedSeconds");
        } else {
            node.put("plannedSeconds", planned.duration().toNanos() / 1e9);
        }
        node.put("ran", stage.ran());
        node.put("elapsedSeconds", stage.elapsedSeconds());
        if (!stage.offersLoad()) {
            return node;
        }
        node.put("lateSends", stage.lateSends());
        putNullable(node, "sendLagP99Ms", stage.sendLagP99Millis());
        putNullable(node, "sendLagMaxMs", stage.sendLagMaxMillis());
        node.set("overall", SummaryJson.stats(stage.overall()));
        ArrayNode requests = node.putArray("requests");
        stage.byRequest().values().forEach(s -> requests.add(SummaryJson.stats(s)));
        return node;
    }

    static ObjectNode scalability(StepPlan steps, ScalabilityAnalysis a) {
        ObjectNode node = SummaryJson.mapper().createObjectNode();
        node.put("steps", a.openModel() ? "rate" : "concurrency");
        node.put("loadUnit", steps.kind().unit());
        node.put("throughput", "successful responses per second");
        node.put("stepSeconds", steps.stepDuration().toNanos() / 1e9);
        node.put("breakpointCondition", steps.breakpoint().expression());
        if (steps.stopWhen() != null) {
            node.put("stopWhen", steps.stopWhen().expression());
        }
        ArrayNode levels = node.putArray("levels");
        for (LevelResult level : a.levels()) {
            ObjectNode l = levels.addObject();
            l.put("level", level.number());
            l.put("load", level.load());
            l.put("ran", level.ran());
            if (!level.ran()) {
                continue;
            }
            putNullable(l, "throughput", level.goodput());
            putNullable(l, "rps", level.stats().rps());
            putNullable(l, "successRate", level.stats().successRatePercent());
            putNullable(l, "avgMs", level.stats().meanMillis());
            putNullable(l, "p50Ms", level.stats().percentileMillis(50));
            putNullable(l, "p95Ms", level.stats().percentileMillis(95));
            putNullable(l, "p99Ms", level.stats().percentileMillis(99));
            putNullable(l, "maxMs", level.stats().maxMillis());
            l.put("errors", level.stats().failed());
            l.put("dropped", level.stats().dropped());
            l.put("thresholdsHeld", level.thresholdsHeld());
            l.put("broken", level.broken());
        }
        ObjectNode slope = node.putObject("latencySlope");
        slope.put("unit", "ms per " + (a.openModel() ? "request/s" : "user"));
        fit(slope, "avg", a.avgSlope());
        fit(slope, "p95", a.p95Slope());
        if (a.slopeNote() != null) {
            slope.put("note", a.slopeNote());
        }
        node.set("degradationStart", finding(a.degradationStart()));
        node.set("breakpoint", finding(a.breakpoint()));
        node.set("optimalLoad", finding(a.optimalLoad()));
        node.set("maxSustainable", finding(a.maxSustainable()));
        if (!a.openModel()) {
            node.set("usl", usl(a.usl(), a.uslNote()));
        }
        if (a.stoppedEarly() == null) {
            node.putNull("stoppedEarly");
        } else {
            ObjectNode stop = node.putObject("stoppedEarly");
            stop.put("level", a.stoppedEarly().level());
            stop.put("load", a.stoppedEarly().load());
            stop.put("condition", a.stoppedEarly().condition());
            stop.put("measured", a.stoppedEarly().measured());
        }
        return node;
    }

    private static void fit(ObjectNode parent, String name, LinearFit fit) {
        if (fit == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode node = parent.putObject(name);
        node.put("slope", fit.slope());
        node.put("intercept", fit.intercept());
        putNullable(node, "r2", fit.r2());
        node.put("levels", fit.n());
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = SummaryJson.mapper().createObjectNode();
        node.put("status", switch (f.status()) {
            case FOUND -> "found";
            case NOT_REACHED -> "not-reached";
            case NOT_COMPUTABLE -> "not-computable";
        });
        node.put("level", f.level());
        putNullable(node, "load", f.load());
        putNullable(node, "value", f.value());
        node.put("text", f.text());
        return node;
    }

    private static ObjectNode usl(UslFit fit, String note) {
        ObjectNode node = SummaryJson.mapper().createObjectNode();
        if (fit == null) {
            node.put("fitted", false);
            node.put("note", note);
            return node;
        }
        node.put("fitted", true);
        node.put("lambda", fit.lambda());
        node.put("sigma", fit.sigma());
        node.put("kappa", fit.kappa());
        putNullable(node, "peakConcurrency", fit.peakConcurrency());
        putNullable(node, "peakThroughput", fit.peakThroughput());
        node.put("r2", fit.r2());
        node.put("levels", fit.n());
        return node;
    }
}
