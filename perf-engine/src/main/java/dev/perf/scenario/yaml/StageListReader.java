package dev.perf.scenario.yaml;

import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.PauseStage;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.Stage;
import dev.perf.scenario.UsersStage;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code load.stages}, any shape of load as a list of stages:
 * <pre>
 * - { rate: 50/s, duration: 1m }            constant rate
 * - { rampTo: 500/s, duration: 10s }        linear ramp from the previous stage's end (0 at the start or after a pause)
 * - { rate: 10/s, rampTo: 100/s, duration: 30s }
 * - { concurrency: 20, duration: 1m }       constant users (or iterations: total requests)
 * - { rampTo: 100 users, duration: 30s }    linear ramp of users
 * - { pause: 5s }                           no new load
 * </pre>
 * A plan is either open model (rates) or closed model (users); a bare number in {@code rampTo} follows the plan.
 */
final class StageListReader {
    static final int MAX_STAGES = 1000;
    private static final Set<String> KEYS = YamlDoc.keys("rate", "rampTo", "concurrency", "duration", "iterations",
            "pause");

    private StageListReader() {
    }

    private enum Model { OPEN, CLOSED }

    static LoadSpec read(YamlDoc doc, Node node, int maxInFlight) {
        int before = doc.problems().size();
        List<Node> items = doc.list(node, "load.stages", false);
        if (doc.problems().size() > before) {
            return null;
        }
        if (items.isEmpty() || items.size() > MAX_STAGES) {
            doc.problem(node, "load.stages", items.isEmpty() ? "needs at least one stage, e.g. "
                    + "'- { rate: 50/s, duration: 1m }'" : items.size() + " stages is more than the limit of " + MAX_STAGES);
            return null;
        }
        List<Map<String, YamlDoc.Entry>> maps = new ArrayList<>();
        Model model = null;
        String modelFrom = null;
        boolean mixed = false;
        for (int i = 0; i < items.size(); i++) {
            String field = "load.stages[" + i + "]";
            Map<String, YamlDoc.Entry> stage = doc.mapping(items.get(i), field, KEYS);
            maps.add(stage);
            Model own = modelOf(doc, stage);
            if (own == null) {
                continue;
            }
            if (model == null) {
                model = own;
                modelFrom = field;
            } else if (own != model) {
                doc.problem(items.get(i), field, "this plan is " + describe(model) + " (from " + modelFrom
                        + "); a plan cannot switch to " + describe(own) + " (run it as another scenario)");
                mixed = true;
            }
        }
        if (mixed) {
            return null;
        }
        if (maps.stream().allMatch(m -> m.containsKey("pause"))) {
            doc.problem(node, "load.stages", "only pauses: add a stage that offers load, e.g. '- { rate: 50/s, duration: 1m }'");
            return null;
        }
        if (model == null) {
            doc.problem(node, "load.stages", "cannot tell rates from users: write rampTo with a unit, e.g. "
                    + "'rampTo: 100/s' (arrivals per second) or 'rampTo: 100 users'");
            return null;
        }
        List<Stage> stages = new ArrayList<>();
        double previousEnd = 0;
        for (int i = 0; i < items.size(); i++) {
            Stage stage = stage(doc, items.get(i), maps.get(i), "load.stages[" + i + "]", model, previousEnd);
            if (stage != null) {
                stages.add(stage);
                previousEnd = endValue(stage);
            }
        }
        return doc.problems().size() > before ? null : new LoadSpec(stages, maxInFlight);
    }

    private static Model modelOf(YamlDoc doc, Map<String, YamlDoc.Entry> stage) {
        if (stage.containsKey("rate")) {
            return Model.OPEN;
        }
        if (stage.containsKey("concurrency")) {
            return Model.CLOSED;
        }
        if (stage.containsKey("rampTo") && stage.get("rampTo").value() instanceof ScalarNode s) {
            return switch (LoadValues.written(s.getValue())) {
                case RATE -> Model.OPEN;
                case USERS -> Model.CLOSED;
                case BARE -> null;
            };
        }
        return null;
    }

    private static String describe(Model model) {
        return model == Model.OPEN ? "open model (rates)" : "closed model (users)";
    }

    private static Stage stage(YamlDoc doc, Node node, Map<String, YamlDoc.Entry> stage, String field, Model model,
                               double previousEnd) {
        if (stage.isEmpty()) {
            doc.problem(node, field, "an empty stage; give e.g. '{ rate: 50/s, duration: 1m }' or '{ pause: 5s }'");
            return null;
        }
        if (stage.containsKey("pause")) {
            for (String key : stage.keySet()) {
                if (!key.equals("pause")) {
                    doc.problem(stage.get(key).keyNode(), field + "." + key, "a pause stands alone: '{ pause: 5s }'");
                }
            }
            Duration pause = Defaults.duration(doc, stage.get("pause").value(), field + ".pause");
            return pause == null ? null : new PauseStage(pause);
        }
        if (!stage.containsKey("rate") && !stage.containsKey("concurrency") && !stage.containsKey("rampTo")) {
            doc.problem(node, field, "needs 'rate', 'concurrency', 'rampTo' or 'pause'");
            return null;
        }
        Duration duration = stage.containsKey("duration")
                ? Defaults.duration(doc, stage.get("duration").value(), field + ".duration") : null;
        boolean ramp = stage.containsKey("rampTo");
        if (model == Model.OPEN) {
            if (stage.containsKey("iterations")) {
                doc.problem(stage.get("iterations").keyNode(), field + ".iterations",
                        "iterations bound the closed model only; a rate stage runs for its duration");
            }
            if (!stage.containsKey("duration")) {
                doc.problem(node, field + ".duration", "missing; every rate stage needs a duration, e.g. 'duration: 30s'");
                return null;
            }
            Double start = stage.containsKey("rate") ? LoadValues.rate(doc, stage.get("rate").value(), field + ".rate")
                    : Double.valueOf(previousEnd);
            Double end = ramp ? LoadValues.rate(doc, stage.get("rampTo").value(), field + ".rampTo", true) : start;
            if (start == null || end == null || duration == null) {
                return null;
            }
            if (start == 0 && end == 0) {
                doc.problem(stage.get("rampTo").value(), field + ".rampTo", "a ramp from 0/s to 0/s sends nothing; "
                        + "use '{ pause: ... }' for a stage without load");
                return null;
            }
            return new RateStage(start, end, duration);
        }
        Integer start = stage.containsKey("concurrency")
                ? LoadValues.users(doc, stage.get("concurrency").value(), field + ".concurrency", 1)
                : Integer.valueOf((int) previousEnd);
        Integer end = ramp ? LoadValues.users(doc, stage.get("rampTo").value(), field + ".rampTo", 0) : start;
        Long iterations = stage.containsKey("iterations")
                ? doc.integer(stage.get("iterations").value(), field + ".iterations", 1, Long.MAX_VALUE / 2) : null;
        if (ramp && stage.containsKey("iterations")) {
            doc.problem(stage.get("iterations").keyNode(), field + ".iterations", "a ramp of users runs for a "
                    + "duration; iterations apply to a constant number of users");
            return null;
        }
        if (!stage.containsKey("duration") && !stage.containsKey("iterations")) {
            doc.problem(node, field, "needs 'duration' (e.g. 30s)" + (ramp ? "" : " or 'iterations' (total requests)"));
            return null;
        }
        if (start == null || end == null || (stage.containsKey("duration") && duration == null)
                || (stage.containsKey("iterations") && iterations == null)) {
            return null;
        }
        if (start == 0 && end == 0) {
            doc.problem(stage.get("rampTo").value(), field + ".rampTo", "a ramp from 0 to 0 users sends nothing; "
                    + "use '{ pause: ... }' for a stage without load");
            return null;
        }
        return new UsersStage(start, end, duration, iterations == null ? 0 : iterations);
    }

    private static double endValue(Stage stage) {
        return stage.fold(RateStage::endPerSecond, users -> (double) users.endUsers(), pause -> 0.0);
    }
}
