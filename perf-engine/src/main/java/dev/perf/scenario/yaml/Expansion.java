package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounds what aliases add to a composed document. An alias is a reference to a node already composed, so a small
 * file can stand for a huge tree ("billion laughs"), and the readers walk the tree as if every alias were written
 * out. What is written is bounded by the file's size; what aliases add on top (values and characters of scalars,
 * counted as if written out) is bounded here. Each node is sized once.
 */
final class Expansion {
    /** Values aliases may add beyond those written. A scenario shares a few defaults, not thousands of values. */
    static final long MAX_NODES = 200_000;
    /** Characters of scalars aliases may add beyond those written. */
    static final long MAX_CHARACTERS = 8L * 1024 * 1024;
    private static final long CAP = Long.MAX_VALUE / 4;

    /** Per node: {nodes, characters} written out, and {nodes, characters} of that added by aliases within it. */
    private final Map<Node, long[]> sizes = new IdentityHashMap<>();
    /** The children that were references to a node met before (aliases), per node. */
    private final Map<Node, List<Node>> firstUses = new IdentityHashMap<>();

    private Expansion() {
    }

    /** Records a problem at the value whose aliases add too much; {@code true} when within the limits. */
    static boolean check(YamlDoc doc, Node root) {
        if (!mayHaveAnchors(doc.text())) {
            return true;
        }
        Expansion expansion = new Expansion();
        long[] size = expansion.size(root);
        if (size[0] < 0) {
            doc.problem(expansion.cycleAt, "", "this value contains itself through an alias (*name); a scenario is a "
                    + "tree: write the value out, or share a part that does not refer back");
            return false;
        }
        if (within(size)) {
            return true;
        }
        Node at = root;
        boolean deeper = true;
        while (deeper) {
            deeper = false;
            for (Node child : expansion.firstUses.getOrDefault(at, List.of())) {
                if (!within(expansion.size(child))) {
                    at = child;
                    deeper = true;
                    break;
                }
            }
        }
        long[] over = expansion.size(at);
        doc.problem(at, "", "this value expands, through aliases (*name), to "
                + (over[2] > MAX_NODES ? "more than " + MAX_NODES + " values" : "more than " + MAX_CHARACTERS / 1024 / 1024
                + " MB of text") + " beyond what is written; aliases may add at most " + MAX_NODES + " values and "
                + MAX_CHARACTERS / 1024 / 1024 + " MB: write repeated parts once and share them with defaults or include");
        return false;
    }

    /**
     * Whether the text may define an anchor: an {@code &} that starts a token (at the start of a line or after a space,
     * a tab or a flow indicator). Without one there can be no alias, and nothing to size: most scenarios.
     */
    static boolean mayHaveAnchors(String text) {
        for (int i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
            char before = i == 0 ? '\n' : text.charAt(i - 1);
            if (before == '\n' || before == ' ' || before == '\t' || before == '[' || before == '{' || before == ',') {
                return true;
            }
        }
        return false;
    }

    private static boolean within(long[] size) {
        return size[2] <= MAX_NODES && size[3] <= MAX_CHARACTERS;
    }

    private Node cycleAt;

    /** {nodes, characters, added nodes, added characters}; {-1, ...} inside a cycle. Sums saturate. */
    private long[] size(Node node) {
        long[] known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long[] size = {1, node instanceof ScalarNode scalar ? scalar.getValue().length() : 0, 0, 0};
        sizes.put(node, new long[] {-1, 0, 0, 0}); // met again while sizing it: a cycle
        List<Node> first = new ArrayList<>();
        for (Node child : children(node)) {
            boolean seen = sizes.containsKey(child);
            long[] c = size(child);
            if (c[0] < 0) {
                cycleAt = cycleAt == null ? node : cycleAt;
                sizes.put(node, c);
                return c;
            }
            size[0] = Math.min(CAP, size[0] + c[0]);
            size[1] = Math.min(CAP, size[1] + c[1]);
            if (seen) {
                // an alias: everything it stands for is added
                size[2] = Math.min(CAP, size[2] + c[0]);
                size[3] = Math.min(CAP, size[3] + c[1]);
            } else {
                size[2] = Math.min(CAP, size[2] + c[2]);
                size[3] = Math.min(CAP, size[3] + c[3]);
                first.add(child);
            }
        }
        firstUses.put(node, first);
        sizes.put(node, size);
        return size;
    }

    private static List<Node> children(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof MappingNode mapping) {
            List<Node> nodes = new ArrayList<>(mapping.getValue().size() * 2);
            for (NodeTuple tuple : mapping.getValue()) {
                nodes.add(tuple.getKeyNode());
                nodes.add(tuple.getValueNode());
            }
            return nodes;
        }
        return List.of();
    }
}
