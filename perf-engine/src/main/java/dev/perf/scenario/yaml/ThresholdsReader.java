package dev.perf.scenario.yaml;

import dev.perf.scenario.Metric;
import dev.perf.scenario.Phase;
import dev.perf.scenario.Threshold;
import dev.perf.scenario.ThresholdParser;
import dev.perf.scenario.Durations;
import dev.perf.scenario.LoadKind;
import dev.perf.scenario.LoadSpec;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code thresholds:}, a list of expressions (grammar in {@link ThresholdParser}), and the conditions of a
 * stepped plan ({@code stopWhen}, {@code breakpoint}).
 */
final class ThresholdsReader {
    static final Set<String> OPTION_KEYS = YamlDoc.keys("threshold", "abort", "minSamples", "after", "over",
            "responses");
    private static final Pattern OVER = Pattern.compile("^(.*\\S)\\s+over\\s+(\\S+)\\s*$");

    private ThresholdsReader() {
    }

    /**
     * @param names every request name written in the file
     * @param flows each flow of several steps, with its steps' names
     * @param load  the plan, to check analysis thresholds against it; {@code null} when it was invalid
     */
    static List<Threshold> read(YamlDoc doc, Node node, List<String> names, Map<String, List<String>> flows,
                                LoadSpec load) {
        List<Threshold> thresholds = new ArrayList<>();
        List<Node> items = doc.list(node, "thresholds", false);
        for (int i = 0; i < items.size(); i++) {
            String field = "thresholds[" + i + "]";
            Threshold threshold = item(doc, items.get(i), field, names, flows);
            if (threshold != null && (load == null || fitsPlan(doc, items.get(i), field, threshold, load))) {
                thresholds.add(threshold);
            }
        }
        return thresholds;
    }

    /** One item of a thresholds list, in either form; {@code null} when it is wrong (problem recorded). */
    static Threshold item(YamlDoc doc, Node node, String field, List<String> names, Map<String, List<String>> flows) {
        Threshold threshold = node instanceof MappingNode ? withOptions(doc, node, field, names, flows)
                : parse(doc, node, field, names, flows);
        if (threshold == null || !threshold.flow()) {
            return threshold;
        }
        String whyNot = flowProblem(threshold);
        if (whyNot != null) {
            doc.problem(node, field, threshold.expression() + ": " + whyNot);
            return null;
        }
        return threshold;
    }

    /** What a flow's figures cannot be judged on, or {@code null}. */
    private static String flowProblem(Threshold t) {
        String name = t.metric().name();
        if (name.equals("dropped") || name.equals("dropped-rate") || name.equals(Metric.CHECKS_NOT_JUDGED)) {
            return "a flow's iterations are not dropped or checked as a whole (its steps are): judge "
                    + name + " on a step, or on the scenario";
        }
        if (t.isRelative()) {
            return "the history keeps requests' figures, not flows': a flow's limit is absolute (e.g. "
                    + t.request() + ".p95 <= 2s)";
        }
        if (t.partial()) {
            return "after and over judge the requests' intervals; a flow is judged on the whole run";
        }
        if (t.abort()) {
            return "abort judges requests while the run goes; a flow is judged at the end";
        }
        if (t.metric().phase() != null) {
            return "phases are timed per exchange, and a flow's iteration is several: judge the phase on a step ("
                    + t.request() + ".STEP." + t.metric().name() + ") or on every request (" + t.metric().name() + ")";
        }
        return null;
    }

    /** {@code { threshold: "p99 <= 1s", abort: true, minSamples: 100 }}. */
    private static Threshold withOptions(YamlDoc doc, Node node, String field, List<String> names,
                                         Map<String, List<String>> flows) {
        Map<String, YamlDoc.Entry> t = doc.mapping(node, field, OPTION_KEYS);
        if (!t.containsKey("threshold")) {
            doc.problem(node, field + ".threshold", "missing; e.g. { threshold: \"p99 <= 1s\", abort: true }");
            return null;
        }
        Threshold threshold = parse(doc, t.get("threshold").value(), field + ".threshold", names, flows);
        int minSamples = 0;
        if (t.containsKey("minSamples")) {
            Long n = doc.integer(t.get("minSamples").value(), field + ".minSamples", 1, Integer.MAX_VALUE);
            minSamples = n == null ? 0 : n.intValue();
        }
        boolean abort = false;
        if (t.containsKey("abort")) {
            abort = Boolean.TRUE.equals(doc.bool(t.get("abort").value(), field + ".abort"));
        }
        Duration after = t.containsKey("after") ? Defaults.duration(doc, t.get("after").value(), field + ".after") : null;
        Duration over = t.containsKey("over") ? Defaults.duration(doc, t.get("over").value(), field + ".over") : null;
        if (threshold == null) {
            return null;
        }
        if (over != null && threshold.over() != null) {
            doc.problem(t.get("over").value(), field + ".over", "give the window once: in the expression or as over:");
            return null;
        }
        if (after != null || over != null) {
            threshold = threshold.judgedOn(after, over != null ? over : threshold.over());
        }
        if (threshold.partial() && (threshold.metric().isAnalysis() || threshold.metric().monitor() != null
                || threshold.isRelative() || abort || threshold.metric().isApdex()
                || threshold.metric().phase() != null)) {
            doc.problem(node, field, "after and over judge request figures on part of the run; "
                    + threshold.expression() + (abort ? " with abort" : "") + " cannot be");
            return null;
        }
        if (abort && (threshold.metric().isAnalysis() || threshold.metric().monitor() != null || threshold.isRelative())) {
            doc.problem(t.get("abort").value(), field + ".abort", "abort judges request figures while the run goes; "
                    + threshold.expression() + " is known only at the end");
            return null;
        }
        if (minSamples > 0 && (threshold.metric().isAnalysis() || threshold.metric().monitor() != null)) {
            doc.problem(t.get("minSamples").value(), field + ".minSamples", "minSamples counts responses; "
                    + threshold.expression() + " is not a figure of responses");
            return null;
        }
        threshold = threshold.withOptions(minSamples, abort);
        if (t.containsKey("responses")) {
            Node value = t.get("responses").value();
            String responses = doc.requiredString(value, field + ".responses");
            if (responses == null) {
                return null;
            }
            if (!responses.equals("all") && !responses.equals("successful")) {
                doc.problem(value, field + ".responses", "'" + responses + "' is not valid; valid: successful (the "
                        + "default: latency of the successful responses), all (failures too)");
                return null;
            }
            if (!threshold.metric().isLatency()) {
                doc.problem(value, field + ".responses", "responses chooses whose latency is judged; "
                        + threshold.expression() + " is not a latency threshold");
                return null;
            }
            if (responses.equals("all")) {
                threshold = threshold.onAllResponses();
            }
        }
        return threshold;
    }

    /** A condition on one level's responses ({@code stopWhen}, {@code breakpoint}), or {@code null} (problem recorded). */
    static Threshold condition(YamlDoc doc, Node node, String field, List<String> names) {
        // judged on each level's responses: a flow's iterations are not counted per level
        Threshold threshold = parse(doc, node, field, names, Map.of());
        if (threshold != null && threshold.metric().isAnalysis()) {
            doc.problem(node, field, threshold.metric().name() + " is a finding of the whole run; a condition here "
                    + "is judged on each level's responses, e.g. 'success-rate < 90%' or 'p95 > 1s'");
            return null;
        }
        return threshold;
    }

    private static Threshold parse(YamlDoc doc, Node node, String field, List<String> names,
                                   Map<String, List<String>> flows) {
        String text = doc.requiredString(node, field);
        if (text == null) {
            return null;
        }
        Duration over = null;
        Matcher window = OVER.matcher(text);
        if (window.matches()) {
            try {
                over = Durations.parse(window.group(2));
                text = window.group(1);
            } catch (IllegalArgumentException e) {
                doc.problem(node, field, "'over " + window.group(2) + "': " + e.getMessage());
                return null;
            }
        }
        try {
            Threshold threshold = ThresholdParser.parse(text);
            if (threshold.metric().isApdex() && (threshold.isRelative() || over != null)) {
                doc.problem(node, field, "apdex is judged on the whole run and against a limit: the history does not "
                        + "keep what a baseline or a window of apdex needs");
                return null;
            }
            if (threshold.metric().phase() != null && threshold.request() == null
                    && (names.contains(threshold.metric().phase().key())
                    || flows.containsKey(threshold.metric().phase().key()))) {
                doc.problem(node, field, "'" + text + "' means the " + threshold.metric().phase().key() + " phase of "
                        + "every request, but a request or flow is named '" + threshold.metric().phase().key()
                        + "' too; rename it, so that its thresholds say what they judge (phase names: "
                        + Phase.keys() + ")");
                return null;
            }
            if (over != null) {
                if (threshold.metric().isAnalysis() || threshold.metric().monitor() != null || threshold.isRelative()
                        || threshold.metric().phase() != null) {
                    doc.problem(node, field, "'over' judges request figures on windows of the run; " + text
                            + " cannot be");
                    return null;
                }
                threshold = threshold.judgedOn(null, over);
            }
            return threshold.request() == null || names.isEmpty() ? threshold
                    : target(doc, node, field, threshold, names, flows);
        } catch (IllegalArgumentException e) {
            doc.problem(node, field, e.getMessage());
            return null;
        }
    }

    /**
     * What a threshold's target names: a request (a step), a flow ({@code flow.metric}, {@code flow.duration.metric})
     * or a flow's step ({@code flow.step.metric}); {@code null} when none (problem recorded).
     */
    private static Threshold target(YamlDoc doc, Node node, String field, Threshold threshold, List<String> names,
                                    Map<String, List<String>> flows) {
        String target = threshold.request();
        int dot = target.indexOf('.');
        String flow = threshold.flow() ? target : dot > 0 ? target.substring(0, dot) : null;
        if (flow != null) {
            if (!flows.containsKey(flow)) {
                doc.problem(node, field, "no flow is named '" + flow + "'" + Suggestions.didYouMean(flow,
                        List.copyOf(flows.keySet())) + (flows.isEmpty() ? " (the scenario has no flow of several "
                        + "steps)" : " (flows: " + String.join(", ", flows.keySet()) + ")"));
                return null;
            }
            if (threshold.flow()) {
                return threshold;
            }
            String step = target.substring(dot + 1);
            if (!flows.get(flow).contains(step)) {
                doc.problem(node, field, "flow '" + flow + "' has no step '" + step + "'" + Suggestions.didYouMean(step,
                        flows.get(flow)) + " (steps: " + String.join(", ", flows.get(flow)) + ")");
                return null;
            }
            return threshold.onRequest(step);
        }
        if (names.contains(target)) {
            return threshold;
        }
        if (flows.containsKey(target)) {
            return threshold.onFlow(target);
        }
        List<String> all = new ArrayList<>(names);
        all.addAll(flows.keySet());
        doc.problem(node, field, "no request " + (flows.isEmpty() ? "" : "or flow ") + "is named '" + target + "'"
                + Suggestions.didYouMean(target, all)
                + " (requests: " + String.join(", ", names) + (flows.isEmpty() ? "" : "; flows: "
                + String.join(", ", flows.keySet())) + ")");
        return null;
    }

    /** Analysis thresholds need a stepped plan, USL ones concurrency steps, and loads in the plan's unit. */
    private static boolean fitsPlan(YamlDoc doc, Node node, String field, Threshold threshold, LoadSpec load) {
        Metric metric = threshold.metric();
        if (!metric.isAnalysis()) {
            return true;
        }
        if (!load.isStepped()) {
            doc.problem(node, field, metric.name() + " comes from the scalability analysis of a stepped test; "
                    + "write the load as levels, e.g. 'rate: [10, 25, 50]' or 'concurrency: [10, 25, 50]'");
            return false;
        }
        LoadKind kind = load.steps().kind();
        if (metric.name().startsWith("usl.") && kind != LoadKind.USERS) {
            doc.problem(node, field, "the Universal Scalability Law is fitted to concurrency steps; this test steps "
                    + "rates (use 'concurrency: [...]', or drop " + metric.name() + ")");
            return false;
        }
        Threshold.LimitKind written = threshold.limitKind();
        if (written != null && (written == Threshold.LimitKind.RATE) != (kind == LoadKind.RATE)) {
            doc.problem(node, field, metric.name() + " is measured in " + kind.unit() + " in this test; write the "
                    + "limit as " + (kind == LoadKind.RATE ? "a rate, e.g. 150/s" : "users, e.g. 50"));
            return false;
        }
        return true;
    }
}
