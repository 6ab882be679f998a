package dev.perf.scenario.yaml;

import dev.perf.analysis.Threshold;
import dev.perf.analysis.ThresholdParser;
import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Reads {@code thresholds:}, a list of expressions (grammar in {@link ThresholdParser}). */
final class ThresholdsReader {

    private ThresholdsReader() {
    }

    /** @param names every request name written in the file */
    static List<Threshold> read(YamlDoc doc, Node node, List<String> names) {
        List<Threshold> thresholds = new ArrayList<>();
        List<Node> items = doc.list(node, "thresholds", false);
        for (int i = 0; i < items.size(); i++) {
            String field = "thresholds[" + i + "]";
            String text = doc.requiredString(items.get(i), field);
            if (text == null) {
                continue;
            }
            try {
                Threshold threshold = ThresholdParser.parse(text);
                if (threshold.request() != null && !names.isEmpty() && !names.contains(threshold.request())) {
                    doc.problem(items.get(i), field, "no request is named '" + threshold.request() + "'"
                            + Suggestions.didYouMean(threshold.request(), names) + " (requests: "
                            + String.join(", ", names) + ")");
                    continue;
                }
                thresholds.add(threshold);
            } catch (IllegalArgumentException e) {
                doc.problem(items.get(i), field, e.getMessage());
            }
        }
        return thresholds;
    }
}
