package dev.perf.scenario.yaml;

import dev.perf.scenario.HttpUrls;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;

/** Reads {@code target:}. */
final class TargetReader {
    private static final Set<String> KEYS = YamlDoc.keys("baseUrl");

    private TargetReader() {
    }

    /** @return the base URL without a trailing slash, or {@code null} (problem recorded) */
    static String read(YamlDoc doc, Node node) {
        Map<String, YamlDoc.Entry> target = doc.mapping(node, "target", KEYS);
        YamlDoc.Entry baseUrl = target.get("baseUrl");
        if (baseUrl == null) {
            if (!target.isEmpty() || node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                doc.problem(node, "target.baseUrl", "missing; e.g. 'baseUrl: http://localhost:8080'");
            }
            return null;
        }
        String url = doc.requiredString(baseUrl.value(), "target.baseUrl");
        if (url == null) {
            return null;
        }
        HttpUrls.credentials(url).forEach(doc::secret);
        String problem = HttpUrls.problem(url);
        if (problem != null) {
            doc.problem(baseUrl.value(), "target.baseUrl", problem);
            return null;
        }
        return HttpUrls.asBase(url);
    }

}
