package dev.perf.scenario.yaml;

import dev.perf.scenario.HttpUrls;
import org.yaml.snakeyaml.nodes.Node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code environments:} and picks the one {@code -Dperf.env} names: its base URL replaces
 * {@code target.baseUrl}, its variables are properties for the rest of the file (a {@code -D} property of the same
 * name still wins).
 */
final class EnvironmentsReader {
    static final String PROPERTY = "perf.env";
    private static final Set<String> KEYS = YamlDoc.keys("baseUrl", "variables");

    /** The chosen environment. */
    record Environment(String name, String baseUrl, Map<String, String> variables) {
    }

    private EnvironmentsReader() {
    }

    /** @return the environment {@code perf.env} names, or {@code null} when none is chosen (or it is wrong: recorded) */
    static Environment select(YamlDoc doc, Node node, String chosen) {
        Map<String, YamlDoc.Entry> all = doc.mapping(node, "environments", null);
        if (all.isEmpty()) {
            doc.problem(node, "environments", "no environment is defined; give each a name, e.g. staging: { baseUrl: "
                    + "https://staging.example.com }");
            return null;
        }
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        YamlDoc.Entry entry = all.get(chosen.trim());
        if (entry == null) {
            List<String> names = List.copyOf(all.keySet());
            doc.problem(node, "environments", "-D" + PROPERTY + "=" + chosen + " is not defined here"
                    + Suggestions.didYouMean(chosen, names) + " (defined: " + String.join(", ", names) + ")");
            return null;
        }
        String field = "environments." + entry.key();
        Map<String, YamlDoc.Entry> e = doc.mapping(entry.value(), field, KEYS);
        String baseUrl = null;
        if (e.containsKey("baseUrl")) {
            baseUrl = doc.requiredString(e.get("baseUrl").value(), field + ".baseUrl");
            if (baseUrl != null) {
                HttpUrls.credentials(baseUrl).forEach(doc::secret);
            }
            String problem = baseUrl == null ? null : HttpUrls.problem(baseUrl);
            if (problem != null) {
                doc.problem(e.get("baseUrl").value(), field + ".baseUrl", problem);
                baseUrl = null;
            }
        }
        Map<String, String> variables = new LinkedHashMap<>();
        if (e.containsKey("variables")) {
            for (YamlDoc.Entry v : doc.mapping(e.get("variables").value(), field + ".variables", null).values()) {
                String value = doc.string(v.value(), field + ".variables." + v.key());
                if (value != null) {
                    variables.put(v.key(), value);
                }
            }
        }
        return new Environment(entry.key(), baseUrl == null ? null : HttpUrls.asBase(baseUrl), variables);
    }
}
