package dev.perf.scenario.yaml;

import dev.perf.scenario.Threshold;
import dev.perf.scenario.ThresholdParser;
import dev.perf.scenario.LoadKind;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.PauseStage;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.Stage;
import dev.perf.scenario.StepPlan;
import dev.perf.scenario.UsersStage;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a stepped plan: {@code rate: [10, 25, 50]} (scalability test, open model) or
 * {@code concurrency: [10, 25, 50]} (stress test, closed model), each level lasting {@code stepDuration}, with an
 * optional {@code pause} or {@code stepRamp} between levels, an optional {@code warmup} at the first level's load,
 * {@code stopWhen} to stop escalating and {@code breakpoint} for the analysis.
 */
final class StepsReader {
    static final int MAX_LEVELS = 100;
    static final String DEFAULT_BREAKPOINT = "success-rate < 90%";

    private StepsReader() {
    }

    static LoadSpec read(YamlDoc doc, Map<String, YamlDoc.Entry> load, boolean open, List<String> requestNames) {
        int before = doc.problems().size();
        LoadKind kind = open ? LoadKind.RATE : LoadKind.USERS;
        String field = "load." + kind.key();
        List<Node> items = doc.list(load.get(kind.key()).value(), field, false);
        if (items.isEmpty()) {
            doc.problem(load.get(kind.key()).value(), field, "needs at least one level, e.g. [10, 25, 50]");
        } else if (items.size() > MAX_LEVELS) {
            doc.problem(load.get(kind.key()).value(), field, items.size() + " levels is more than the limit of "
                    + MAX_LEVELS);
        }
        List<Double> levels = new ArrayList<>();
        for (int i = 0; i < items.size() && i < MAX_LEVELS; i++) {
            String itemField = field + "[" + i + "]";
            Double level = open ? LoadValues.rate(doc, items.get(i), itemField)
                    : toDouble(LoadValues.users(doc, items.get(i), itemField, 1));
            if (level != null && !levels.isEmpty() && levels.get(levels.size() - 1) != null
                    && level <= levels.get(levels.size() - 1)) {
                doc.problem(items.get(i), itemField, "levels must rise (a stepped test escalates): "
                        + kind.format(level) + " is not above " + kind.format(levels.get(levels.size() - 1))
                        + "; for other shapes use 'stages'");
            }
            levels.add(level);
        }
        LoadReader.reject(doc, load, "duration", "with a list of levels, 'stepDuration' sets how long each level "
                + "runs, e.g. 'stepDuration: 30s'");
        LoadReader.reject(doc, load, "rampUp", "rampUp applies to a single rate; in a stepped test each level "
                + "starts at once (use 'stages' for ramps between levels)");
        LoadReader.reject(doc, load, "iterations", "iterations do not apply to a stepped test; each level runs "
                + "for stepDuration");
        if (!open) {
            LoadReader.rejectMaxInFlight(doc, load);
        }
        Integer maxInFlight = open ? LoadReader.maxInFlight(doc, load) : Integer.valueOf(LoadSpec.DEFAULT_MAX_IN_FLIGHT);
        Duration step = null;
        if (!load.containsKey("stepDuration")) {
            doc.problem(load.get(kind.key()).keyNode(), "load.stepDuration", "missing; a stepped test needs how long "
                    + "each level runs, e.g. 'stepDuration: 30s'");
        } else {
            step = Defaults.duration(doc, load.get("stepDuration").value(), "load.stepDuration");
        }
        Duration pause = load.containsKey("pause")
                ? Defaults.duration(doc, load.get("pause").value(), "load.pause") : null;
        Duration stepRamp = load.containsKey("stepRamp")
                ? Defaults.duration(doc, load.get("stepRamp").value(), "load.stepRamp") : null;
        Duration warmup = load.containsKey("warmup")
                ? Defaults.duration(doc, load.get("warmup").value(), "load.warmup") : null;
        if (load.containsKey("pause") && load.containsKey("stepRamp")) {
            doc.problem(load.get("stepRamp").keyNode(), "load.stepRamp", "between levels either pause (no load) or "
                    + "ramp (load rises linearly to the next level), not both");
        }
        Threshold stopWhen = load.containsKey("stopWhen")
                ? ThresholdsReader.condition(doc, load.get("stopWhen").value(), "load.stopWhen", requestNames) : null;
        Threshold breakpoint = load.containsKey("breakpoint")
                ? ThresholdsReader.condition(doc, load.get("breakpoint").value(), "load.breakpoint", requestNames)
                : ThresholdParser.parse(DEFAULT_BREAKPOINT);
        if (doc.problems().size() > before || step == null || maxInFlight == null || breakpoint == null
                || (load.containsKey("pause") && pause == null) || (load.containsKey("stepRamp") && stepRamp == null)
                || (load.containsKey("warmup") && warmup == null) || (load.containsKey("stopWhen") && stopWhen == null)) {
            return null;
        }
        List<Stage> stages = new ArrayList<>();
        List<StepPlan.Level> planned = new ArrayList<>();
        if (warmup != null) {
            stages.add(stage(open, levels.get(0), levels.get(0), warmup));
        }
        for (int i = 0; i < levels.size(); i++) {
            if (i > 0 && pause != null) {
                stages.add(new PauseStage(pause));
            }
            if (i > 0 && stepRamp != null) {
                stages.add(stage(open, levels.get(i - 1), levels.get(i), stepRamp));
            }
            planned.add(new StepPlan.Level(i + 1, stages.size(), levels.get(i)));
            stages.add(stage(open, levels.get(i), levels.get(i), step));
        }
        return new LoadSpec(stages, maxInFlight, new StepPlan(kind, planned, step, pause, stepRamp, warmup, stopWhen,
                breakpoint));
    }

    private static Stage stage(boolean open, double from, double to, Duration duration) {
        return open ? new RateStage(from, to, duration) : new UsersStage((int) from, (int) to, duration, 0);
    }

    private static Double toDouble(Integer users) {
        return users == null ? null : users.doubleValue();
    }
}
