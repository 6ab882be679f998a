package dev.perf.scenario.yaml;

import dev.perf.scenario.VerdictSpec;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;

/**
 * Reads {@code verdict:}, the rules beyond the scenario's own thresholds.
 * <pre>
 * verdict:
 *   maxErrorRate: 1%              # gate when no success-rate / error-rate threshold covers the scenario; off: none
 *   maxDropped: 0%                # open model: share of arrivals dropped at maxInFlight; off: none
 *   onSaturatedGenerator: warn    # warn: a breach it could explain is inconclusive; fail: the run fails
 * </pre>
 */
final class VerdictReader {
    private static final Set<String> KEYS = YamlDoc.keys("maxErrorRate", "maxDropped", "onSaturatedGenerator");

    private VerdictReader() {
    }

    /** @return the rules, or {@code null} when one is wrong (problem recorded) */
    static VerdictSpec read(YamlDoc doc, Node node) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> verdict = doc.mapping(node, "verdict", KEYS);
        VerdictSpec defaults = VerdictSpec.defaults();
        Double errors = verdict.containsKey("maxErrorRate")
                ? percentOrOff(doc, verdict.get("maxErrorRate").value(), "verdict.maxErrorRate")
                : defaults.maxErrorRatePercent();
        Double dropped = verdict.containsKey("maxDropped")
                ? percentOrOff(doc, verdict.get("maxDropped").value(), "verdict.maxDropped")
                : defaults.maxDroppedPercent();
        VerdictSpec.Saturation saturation = defaults.onSaturatedGenerator();
        if (verdict.containsKey("onSaturatedGenerator")) {
            Node value = verdict.get("onSaturatedGenerator").value();
            String text = doc.requiredString(value, "verdict.onSaturatedGenerator");
            saturation = text == null ? null : VerdictSpec.Saturation.parse(text);
            if (text != null && saturation == null) {
                doc.problem(value, "verdict.onSaturatedGenerator", "'" + text + "' is not a policy; valid: warn "
                        + "(a breach the saturated generator could explain is inconclusive), fail (the run fails)");
            }
        }
        return doc.problems().size() > before ? null : new VerdictSpec(errors, dropped, saturation);
    }

    /** {@code 1%}, {@code 0.5%} or {@code off}; {@code null} for off, and when wrong (problem recorded). */
    private static Double percentOrOff(YamlDoc doc, Node node, String field) {
        String text = doc.requiredString(node, field);
        if (text == null || text.trim().equals("off")) {
            return null;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.endsWith("%")) {
                double percent = Double.parseDouble(trimmed.substring(0, trimmed.length() - 1).trim());
                if (percent >= 0 && percent <= 100) {
                    return percent;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        doc.problem(node, field, "'" + trimmed + "' is not a percentage from 0% to 100%; e.g. 1%, 0.5%, or off for no gate");
        return null;
    }
}
