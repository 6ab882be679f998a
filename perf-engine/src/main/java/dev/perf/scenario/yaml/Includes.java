package dev.perf.scenario.yaml;

import dev.perf.scenario.Flow;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code include: [shared/requests.yaml]}: files of shared {@code requests:} and {@code flows:}, added to the
 * scenario's mix with its defaults and variables. A problem in an included file names that file and its line. An
 * included file includes nothing further.
 */
final class Includes {
    private static final Set<String> KEYS = YamlDoc.keys("requests", "flows");
    static final long MAX_BYTES = 1024 * 1024;

    private Includes() {
    }

    static List<Flow> read(YamlDoc doc, Node node, Defaults defaults, List<String> names) {
        List<Flow> flows = new ArrayList<>();
        for (Node item : doc.list(node, "include", true)) {
            String name = doc.requiredString(item, "include");
            if (name == null) {
                continue;
            }
            Path file = doc.namedFile(item, "include", name, MAX_BYTES);
            if (file == null) {
                continue;
            }
            String text;
            try {
                text = ProjectFiles.utf8(ProjectFiles.read(file, MAX_BYTES));
            } catch (ProjectFiles.NotUtf8 e) {
                doc.problem(item, "include", "'" + name + "' is not UTF-8 text from its line " + e.line + " on; save it "
                        + "as UTF-8");
                continue;
            } catch (IOException e) {
                doc.problem(item, "include", "'" + name + "' cannot be read: " + e.getMessage());
                continue;
            }
            YamlDoc included = doc.include(file, text);
            Node root = ScenarioLoader.compose(included, text);
            if (root == null || !Expansion.check(included, root)) {
                continue;
            }
            Map<String, YamlDoc.Entry> top = included.mapping(root, "", KEYS);
            if (top.isEmpty()) {
                included.problemAt(1, 1, "", "an included file holds requests: and/or flows:, and nothing else");
                continue;
            }
            if (top.containsKey("requests")) {
                flows.addAll(RequestsReader.read(included, top.get("requests").value(), defaults, names));
            }
            if (top.containsKey("flows")) {
                flows.addAll(FlowsReader.read(included, top.get("flows").value(), defaults, names));
            }
        }
        return flows;
    }
}
