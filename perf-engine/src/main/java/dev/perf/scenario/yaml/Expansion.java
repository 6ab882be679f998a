package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Bounds what a composed document expands to. An alias is a reference to a node already composed, so a small file
 * can stand for a huge tree ("billion laughs"); the readers walk the tree as if every alias were written out. This
 * counts, once per distinct node, the nodes and the characters of scalars that the written-out tree would hold.
 */
final class Expansion {
    /** Nodes of the written-out tree. A scenario of a thousand requests has some tens of thousands. */
    static final long MAX_NODES = 200_000;
    /** Characters of the written-out tree's scalars. */
    static final long MAX_CHARACTERS = 8L * 1024 * 1024;

    private final Map<Node, long[]> sizes = new IdentityHashMap<>();

    private Expansion() {
    }

    /** Records a problem at the smallest value that expands beyond a limit; {@code true} when within them. */
    static boolean check(YamlDoc doc, Node root) {
        Expansion expansion = new Expansion();
        if (expansion.within(expansion.size(root))) {
            return true;
        }
        Node at = root;
        java.util.Set<Node> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        boolean deeper = true;
        while (deeper && visited.add(at)) {
            deeper = false;
            for (Node child : children(at)) {
                if (!visited.contains(child) && !expansion.within(expansion.size(child))) {
                    at = child;
                    deeper = true;
                    break;
                }
            }
        }
        long[] size = expansion.size(at);
        if (children(at).iterator().hasNext() && java.util.stream.StreamSupport.stream(children(at).spliterator(), false)
                .anyMatch(visited::contains)) {
            doc.problem(at, "", "this value contains itself through an alias (*name); a scenario is a tree: write the "
                    + "value out, or share a part that does not refer back");
            return false;
        }
        doc.problem(at, "", "this value expands, through aliases (*name), to "
                + (size[0] > MAX_NODES ? "more than " + MAX_NODES + " values" : "more than " + MAX_CHARACTERS / 1024 / 1024
                + " MB of text") + "; at most " + MAX_NODES + " values and " + MAX_CHARACTERS / 1024 / 1024
                + " MB are allowed: write repeated parts once and share them with defaults or include");
        return false;
    }

    private boolean within(long[] size) {
        return size[0] <= MAX_NODES && size[1] <= MAX_CHARACTERS;
    }

    /** {nodes, characters}, saturating just above the limits so that no sum overflows. */
    private long[] size(Node node) {
        long[] known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long[] size = {1, node instanceof ScalarNode scalar ? scalar.getValue().length() : 0};
        sizes.put(node, new long[] {MAX_NODES + 1, MAX_CHARACTERS + 1}); // a cycle counts as too large
        for (Node child : children(node)) {
            long[] c = size(child);
            size[0] = Math.min(MAX_NODES + 1, size[0] + c[0]);
            size[1] = Math.min(MAX_CHARACTERS + 1, size[1] + c[1]);
        }
        sizes.put(node, size);
        return size;
    }

    private static Iterable<Node> children(Node node) {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue();
        }
        if (node instanceof MappingNode mapping) {
            java.util.List<Node> nodes = new java.util.ArrayList<>(mapping.getValue().size() * 2);
            for (NodeTuple tuple : mapping.getValue()) {
                nodes.add(tuple.getKeyNode());
                nodes.add(tuple.getValueNode());
            }
            return nodes;
        }
        return java.util.List.of();
    }
}
