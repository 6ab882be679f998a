package dev.perf.scenario.yaml;

import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.Stage;
import dev.perf.scenario.UsersStage;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code load:} into stages. Three shapes:
 * <ul>
 *   <li>one level: {@code rate} + {@code duration} (+ {@code rampUp}, a linear ramp from 0 first), or
 *       {@code concurrency} + {@code duration} and/or {@code iterations};</li>
 *   <li>steps (stress and scalability tests): a list of levels, {@code rate: [10, 25, 50]} or
 *       {@code concurrency: [10, 25, 50]}, read by {@link StepsReader};</li>
 *   <li>any shape (spike, soak): {@code stages: [...]}, read by {@link StageListReader}.</li>
 * </ul>
 * {@code maxInFlight} caps outstanding open-model requests in every shape.
 */
final class LoadReader {
    static final Set<String> KEYS = YamlDoc.keys("rate", "concurrency", "duration", "rampUp", "iterations",
            "maxInFlight", "stepDuration", "pause", "stepRamp", "warmup", "stopWhen", "breakpoint", "stages");
    private static final List<String> STEP_KEYS = List.of("stepDuration", "pause", "stepRamp", "warmup", "stopWhen",
            "breakpoint");

    private LoadReader() {
    }

    /** @param requestNames every request name of the file, for expressions such as {@code stopWhen} */
    static LoadSpec read(YamlDoc doc, Node node, List<String> requestNames) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> load = doc.mapping(node, "load", KEYS);
        if (doc.problems().size() > before) {
            return null;
        }
        boolean open = load.containsKey("rate");
        boolean closed = load.containsKey("concurrency");
        boolean listed = load.containsKey("stages");
        if (listed) {
            for (String key : load.keySet()) {
                if (!key.equals("stages") && !key.equals("maxInFlight")) {
                    doc.problem(load.get(key).keyNode(), "load." + key, "with 'stages', give rates, users and "
                            + "durations inside each stage; only maxInFlight may stand beside them");
                }
            }
            Integer maxInFlight = maxInFlight(doc, load);
            LoadSpec spec = StageListReader.read(doc, load.get("stages").value(),
                    maxInFlight == null ? LoadSpec.DEFAULT_MAX_IN_FLIGHT : maxInFlight);
            return doc.problems().size() > before ? null : spec;
        }
        if (open && closed) {
            doc.problem(load.get("concurrency").keyNode(), "load.concurrency", "give either rate (open model: "
                    + "arrivals per second) or concurrency (closed model: looping users), not both");
            return null;
        }
        if (!open && !closed) {
            doc.problem(node, "load", "needs 'rate' (e.g. rate: 50/s), 'concurrency' (e.g. concurrency: 10), "
                    + "a list of levels (rate: [10, 25, 50]) or 'stages'");
            return null;
        }
        Node levels = load.get(open ? "rate" : "concurrency").value();
        if (levels instanceof SequenceNode) {
            return StepsReader.read(doc, load, open, requestNames);
        }
        for (String key : STEP_KEYS) {
            reject(doc, load, key, key + " belongs to a stepped test; write the levels as a list, e.g. '"
                    + (open ? "rate: [10, 25, 50]" : "concurrency: [10, 25, 50]") + "'");
        }
        return open ? single(doc, node, load) : singleClosed(doc, node, load);
    }

    private static LoadSpec single(YamlDoc doc, Node node, Map<String, YamlDoc.Entry> load) {
        Double rate = LoadValues.rate(doc, load.get("rate").value(), "load.rate");
        Duration duration = load.containsKey("duration")
                ? Defaults.duration(doc, load.get("duration").value(), "load.duration") : null;
        if (!load.containsKey("duration")) {
            doc.problem(node, "load.duration", "missing; an open-model test needs a duration, e.g. 'duration: 30s'");
        }
        reject(doc, load, "iterations", "iterations bound the closed model only; with a rate, set a duration");
        Integer maxInFlight = maxInFlight(doc, load);
        Duration rampUp = load.containsKey("rampUp")
                ? Defaults.duration(doc, load.get("rampUp").value(), "load.rampUp") : null;
        if (rate == null || duration == null || maxInFlight == null || (load.containsKey("rampUp") && rampUp == null)) {
            return null;
        }
        List<Stage> stages = new ArrayList<>();
        if (rampUp != null) {
            stages.add(new RateStage(0, rate, rampUp));
        }
        stages.add(new RateStage(rate, rate, duration));
        return new LoadSpec(stages, maxInFlight);
    }

    private static LoadSpec singleClosed(YamlDoc doc, Node node, Map<String, YamlDoc.Entry> load) {
        Integer users = LoadValues.users(doc, load.get("concurrency").value(), "load.concurrency", 1);
        reject(doc, load, "rampUp", "rampUp applies to a rate; to ramp users, use stages, e.g. "
                + "'stages: [ {rampTo: 50 users, duration: 30s}, {concurrency: 50, duration: 5m} ]'");
        rejectMaxInFlight(doc, load);
        Duration duration = load.containsKey("duration")
                ? Defaults.duration(doc, load.get("duration").value(), "load.duration") : null;
        Long iterations = load.containsKey("iterations")
                ? doc.integer(load.get("iterations").value(), "load.iterations", 1, Long.MAX_VALUE / 2) : null;
        if (!load.containsKey("duration") && !load.containsKey("iterations")) {
            doc.problem(node, "load", "needs 'duration' (e.g. 30s) or 'iterations' (total requests) to end");
            return null;
        }
        if (users == null || (load.containsKey("duration") && duration == null)
                || (load.containsKey("iterations") && iterations == null)) {
            return null;
        }
        return new LoadSpec(List.of(new UsersStage(users, duration, iterations == null ? 0 : iterations)),
                LoadSpec.DEFAULT_MAX_IN_FLIGHT);
    }

    /** {@code load.maxInFlight} or the default; {@code null} when invalid (problem recorded). */
    static Integer maxInFlight(YamlDoc doc, Map<String, YamlDoc.Entry> load) {
        if (!load.containsKey("maxInFlight")) {
            return LoadSpec.DEFAULT_MAX_IN_FLIGHT;
        }
        Long cap = doc.integer(load.get("maxInFlight").value(), "load.maxInFlight", 1, 1_000_000);
        return cap == null ? null : cap.intValue();
    }

    static void rejectMaxInFlight(YamlDoc doc, Map<String, YamlDoc.Entry> load) {
        reject(doc, load, "maxInFlight", "maxInFlight caps the open model; with concurrency, in-flight requests "
                + "equal the number of users");
    }

    static void reject(YamlDoc doc, Map<String, YamlDoc.Entry> load, String key, String why) {
        if (load.containsKey(key)) {
            doc.problem(load.get(key).keyNode(), "load." + key, why);
        }
    }
}
