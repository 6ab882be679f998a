package dev.perf.scenario.yaml;

import dev.perf.scenario.Capture;
import dev.perf.scenario.Check;
import dev.perf.scenario.Flow;
import dev.perf.scenario.Step;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code flows:}: user journeys, each a list of steps run in order, with captures passed from step to step
 * and a pause ({@code think}) between them.
 */
final class FlowsReader {
    private static final Set<String> KEYS = YamlDoc.keys("name", "weight", "think", "steps");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private FlowsReader() {
    }

    /** @param names receives every step name, as request names of the scenario's metrics */
    static List<Flow> read(YamlDoc doc, Node node, Defaults defaults, List<String> names) {
        List<Node> items = doc.list(node, "flows", false);
        if (items.isEmpty() && node instanceof SequenceNode) {
            doc.problem(node, "flows", "the list is empty; add at least one flow, or remove 'flows:'");
        }
        List<Flow> flows = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Flow flow = readOne(doc, items.get(i), "flows[" + i + "]", defaults, names);
            if (flow == null) {
                continue;
            }
            Node previous = seen.putIfAbsent(flow.name(), items.get(i));
            if (previous != null) {
                doc.problem(items.get(i), "flows[" + i + "].name", "duplicate flow name '" + flow.name()
                        + "'; it is already used on line " + (previous.getStartMark().getLine() + 1));
                continue;
            }
            flows.add(flow);
        }
        return flows;
    }

    private static Flow readOne(YamlDoc doc, Node node, String field, Defaults defaults, List<String> names) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> f = doc.mapping(node, field, KEYS);
        String name = null;
        if (!f.containsKey("name")) {
            doc.problem(node, field + ".name", "missing; every flow needs a name for its duration in the results");
        } else {
            name = doc.requiredString(f.get("name").value(), field + ".name");
            if (name != null && !NAME.matcher(name).matches()) {
                doc.problem(f.get("name").value(), field + ".name", "'" + name + "' is not valid; use letters, digits, "
                        + "'-' and '_', e.g. customer-lifecycle");
            }
        }
        int weight = 1;
        if (f.containsKey("weight")) {
            Long w = doc.integer(f.get("weight").value(), field + ".weight", 1, RequestsReader.MAX_WEIGHT);
            weight = w == null ? 1 : w.intValue();
        }
        Duration[] think = {Duration.ZERO, Duration.ZERO};
        if (f.containsKey("think")) {
            Duration[] given = StepReader.think(doc, f.get("think").value(), field + ".think");
            think = given == null ? think : given;
        }
        if (!f.containsKey("steps")) {
            doc.problem(node, field + ".steps", "missing; a flow is a list of steps, each a request");
            return null;
        }
        List<Node> items = doc.list(f.get("steps").value(), field + ".steps", false);
        if (items.isEmpty()) {
            doc.problem(f.get("steps").value(), field + ".steps", "the list is empty; add at least one step");
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        items.forEach(item -> all.addAll(StepReader.captureNames(doc, item)));
        doc.runtimeVariables(all);
        List<Step> steps = new ArrayList<>();
        Set<String> available = new LinkedHashSet<>(doc.feederColumns());
        try {
            for (int i = 0; i < items.size(); i++) {
                String stepField = field + ".steps[" + i + "]";
                RequestsReader.Read read = RequestsReader.readOne(doc, items.get(i), stepField, defaults, names,
                        RequestsReader.STEP_KEYS);
                if (read == null) {
                    continue;
                }
                Map<String, YamlDoc.Entry> e = read.entries();
                List<Check> checks = e.containsKey("check")
                        ? StepReader.checks(doc, e.get("check").value(), stepField + ".check") : List.of();
                List<Capture> captures = e.containsKey("capture")
                        ? StepReader.captures(doc, e.get("capture").value(), stepField + ".capture") : List.of();
                Duration[] pause = think;
                if (e.containsKey("think")) {
                    Duration[] given = StepReader.think(doc, e.get("think").value(), stepField + ".think");
                    pause = given == null ? think : given;
                }
                Step step = new Step(read.spec(), captures, checks, pause[0], pause[1]);
                StepReader.checkVariables(doc, items.get(i), stepField, step, available);
                captures.forEach(c -> available.add(c.variable()));
                steps.add(step);
            }
        } finally {
            doc.runtimeVariables(Set.of());
        }
        if (doc.problems().size() > before || name == null) {
            return null;
        }
        return new Flow(name, weight, steps, false);
    }
}
