package dev.perf.scenario.yaml;

import dev.perf.scenario.Threshold;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the thresholds of tracked tests kept beside the tests ({@code src/test/resources/perf-track.yaml}):
 * <pre>
 * tests:
 *   CustomerServiceTest:
 *     thresholds:
 *       - create-customer.p95 &lt;= 200ms
 *       - success-rate &gt;= 95%
 * </pre>
 * Loaded as safely as a scenario, with the same messages: file, line, field, the bad value and what is valid.
 */
public final class TrackFileReader {
    /** The largest file read, as for a scenario. */
    public static final int MAX_BYTES = ScenarioLoader.MAX_BYTES;
    static final Set<String> TOP_LEVEL = YamlDoc.keys("tests");
    static final Set<String> TEST_KEYS = YamlDoc.keys("thresholds");

    private TrackFileReader() {
    }

    /**
     * @return each test's thresholds, by test name
     * @throws ScenarioException listing every problem
     */
    public static Map<String, List<Threshold>> parse(Path file, String text) throws ScenarioException {
        YamlDoc doc = new YamlDoc(file, text, Substitutor.none());
        Node root = ScenarioLoader.compose(doc, text);
        Map<String, List<Threshold>> tests = new LinkedHashMap<>();
        if (root != null && !Expansion.check(doc, root)) {
            throw new ScenarioException(doc.problems());
        }
        if (root == null) {
            if (doc.problems().isEmpty()) {
                return tests;
            }
            throw new ScenarioException(doc.problems());
        }
        Map<String, YamlDoc.Entry> top = doc.mapping(root, "", TOP_LEVEL);
        if (top.containsKey("tests")) {
            for (YamlDoc.Entry test : doc.mapping(top.get("tests").value(), "tests", null).values()) {
                String field = "tests." + test.key();
                Map<String, YamlDoc.Entry> settings = doc.mapping(test.value(), field, TEST_KEYS);
                List<Threshold> thresholds = new ArrayList<>();
                if (settings.containsKey("thresholds")) {
                    List<Node> items = doc.list(settings.get("thresholds").value(), field + ".thresholds", false);
                    for (int i = 0; i < items.size(); i++) {
                        String itemField = field + ".thresholds[" + i + "]";
                        Threshold threshold = ThresholdsReader.item(doc, items.get(i), itemField, List.of(),
                                Map.of());
                        String why = threshold == null ? null : unsupported(threshold);
                        if (why != null) {
                            doc.problem(items.get(i), itemField, why);
                        } else if (threshold != null) {
                            thresholds.add(threshold);
                        }
                    }
                }
                tests.put(test.key(), thresholds);
            }
        }
        if (!doc.problems().isEmpty()) {
            throw new ScenarioException(doc.problems());
        }
        return tests;
    }

    /** Why a threshold cannot judge tracked operations, or {@code null} when it can. */
    public static String unsupported(Threshold threshold) {
        if (threshold.metric().isAnalysis()) {
            return threshold.metric().name() + " comes from the scalability analysis of a stepped load test; a tracked "
                    + "test has no load levels";
        }
        if (threshold.partial()) {
            return "'after' and 'over' judge windows of a load run; a tracked test's thresholds are judged on all "
                    + "its executions";
        }
        if (threshold.abort()) {
            return "abort stops a load run early; a tracked test's thresholds are judged when its executions are done";
        }
        return null;
    }
}
