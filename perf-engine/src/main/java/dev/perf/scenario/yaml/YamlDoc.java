package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A composed YAML document being read: typed accessors that record a {@link Problem} (with position, field
 * path and the bad value) instead of throwing, so that one pass reports every problem.
 */
final class YamlDoc {
    private final Path file;
    private final String text;
    private final List<String> lines;
    private final Shared shared;

    /** What a scenario file and the files it includes share: problems, names, secrets and variables. */
    private static final class Shared {
        Substitutor substitutor;
        final List<Problem> problems = new ArrayList<>();
        final Set<String> suggested = new java.util.HashSet<>();
        final java.util.Map<String, Node> requestNames = new java.util.HashMap<>();
        final List<String> secrets = new ArrayList<>();
        Set<String> runtime = Set.of();
        Set<String> feederColumns = Set.of();
        final ProjectFiles files;

        Shared(Substitutor substitutor, ProjectFiles files) {
            this.substitutor = substitutor;
            this.files = files;
        }
    }

    YamlDoc(Path file, String text, Substitutor substitutor) {
        this(file, text, new Shared(substitutor, ProjectFiles.of(substitutor, file)));
    }

    private YamlDoc(Path file, String text, Shared shared) {
        this.file = file;
        this.text = text;
        this.lines = text.lines().toList();
        this.shared = shared;
    }

    /** The document's text as read. */
    String text() {
        return text;
    }

    /** A file this one includes: its problems name its own lines, everything else is shared. */
    YamlDoc include(Path included, String text) {
        return new YamlDoc(included, text, shared);
    }

    /** From here on, variables resolve through {@code substitutor} (an environment's variables added). */
    void substitutor(Substitutor substitutor) {
        shared.substitutor = substitutor;
    }

    Substitutor substitutor() {
        return shared.substitutor;
    }

    /** The feeders' columns: variables every request may use, filled in at run time. */
    void feederColumns(java.util.Collection<String> columns) {
        shared.feederColumns = Set.copyOf(columns);
        shared.runtime = shared.feederColumns;
    }

    Set<String> feederColumns() {
        return shared.feederColumns;
    }

    /**
     * While a flow is read: its capture names, which stay {@code ${name}} for the engine to fill in (with the
     * feeders' columns); {@code Set.of()} ends the flow.
     */
    void runtimeVariables(Set<String> names) {
        Set<String> all = new java.util.HashSet<>(shared.feederColumns);
        all.addAll(names);
        shared.runtime = Set.copyOf(all);
    }

    /** Where a request or step name was first used, or {@code null} when {@code at} is its first use. */
    Node firstUseOfRequestName(String name, Node at) {
        return shared.requestNames.putIfAbsent(name, at);
    }

    /** A value never to show: a credential, a sensitive header's value, a variable listed under secrets. */
    void secret(String value) {
        shared.secrets.add(value);
    }

    List<String> secrets() {
        return shared.secrets;
    }

    /** The scenario file, to resolve the files it names. */
    Path file() {
        return file;
    }

    /** A file this one names (a feeder, a body, a trust store, an include): relative to this file's folder. */
    Path resolve(String name) {
        Path base = file.toAbsolutePath().getParent();
        return base == null ? Path.of(name) : base.resolve(name).normalize();
    }

    /**
     * A file named at {@code at}: inside the project, regular, of at most {@code maxBytes}; or {@code null} with a
     * problem recorded (see {@link ProjectFiles}).
     */
    Path namedFile(Node at, String field, String name, long maxBytes) {
        return shared.files.check(this, at, field, name, maxBytes);
    }

    /** Whether a misspelt key was already reported with {@code path} as its suggestion. */
    boolean suggested(String path) {
        return shared.suggested.contains(path);
    }

    List<Problem> problems() {
        return shared.problems;
    }

    void problem(Node at, String field, String message) {
        int line = at == null ? 0 : at.getStartMark().getLine() + 1;
        int column = at == null ? 0 : at.getStartMark().getColumn() + 1;
        problemAt(line, column, field, message);
    }

    void problemAt(int line, int column, String field, String message) {
        String source = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        shared.problems.add(new Problem(file, line, column, field, message, source));
    }

    /** A key of a mapping together with its value node. */
    record Entry(String key, Node keyNode, Node value) {
    }

    /**
     * Reads a mapping, reporting duplicate keys and keys outside {@code allowed} (with a "did you mean").
     *
     * @return entries by key; empty (with a problem recorded) when {@code node} is not a mapping
     */
    Map<String, Entry> mapping(Node node, String field, Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problem(node, field, "expected a mapping (key: value lines), was " + describe(node));
            return Collections.emptyMap();
        }
        if (!isStandardTag(mapping.getTag())) {
            problem(node, field, "tag " + mapping.getTag() + " is not allowed; write the mapping without a tag");
            return Collections.emptyMap();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problem(keyNode, field, "keys must be plain names, was " + describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            String path = field.isEmpty() ? key : field + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                String hint = Suggestions.didYouMean(key, allowed);
                if (!hint.isEmpty()) {
                    shared.suggested.add(path.substring(0, path.length() - key.length()) + Suggestions.closest(key, allowed));
                }
                problem(keyNode, path, "unknown key '" + key + "'" + hint + " (valid here: " + String.join(", ", allowed) + ")");
                continue;
            }
            if (entries.containsKey(key)) {
                problem(keyNode, path, "duplicate key '" + key + "'; it is already set on line "
                        + (entries.get(key).keyNode().getStartMark().getLine() + 1));
                continue;
            }
            entries.put(key, new Entry(key, keyNode, tuple.getValueNode()));
        }
        return entries;
    }

    /** A list node's items; a single scalar is read as a one-item list when {@code scalarAllowed}. */
    List<Node> list(Node node, String field, boolean scalarAllowed) {
        if (node instanceof SequenceNode sequence) {
            if (!isStandardTag(sequence.getTag())) {
                problem(node, field, "tag " + sequence.getTag() + " is not allowed; write the list without a tag");
                return List.of();
            }
            return sequence.getValue();
        }
        if (scalarAllowed && node instanceof ScalarNode) {
            return List.of(node);
        }
        problem(node, field, "expected a list, was " + describe(node));
        return List.of();
    }

    /** A scalar's text after variable substitution, or {@code null} (problem recorded). */
    String string(Node node, String field) {
        if (!(node instanceof ScalarNode scalar)) {
            problem(node, field, "expected a single value, was " + describe(node));
            return null;
        }
        if (!isStandardTag(scalar.getTag())) {
            problem(node, field, "tag " + scalar.getTag() + " is not allowed; write the value without a tag");
            return null;
        }
        return substitute(scalar.getValue(), node, field);
    }

    /** Substitutes variables in text read from a file the scenario names; {@code null} (problem recorded) on error. */
    String substitute(String text, Node at, String field) {
        try {
            String value = shared.substitutor.apply(text, shared.runtime);
            String problem = value.contains("${") ? dev.perf.scenario.Template.problem(value) : null;
            if (problem != null) {
                problem(at, field, problem);
                return null;
            }
            return value;
        } catch (IllegalArgumentException e) {
            problem(at, field, e.getMessage());
            return null;
        }
    }

    /** A non-blank scalar, or {@code null} (problem recorded). */
    String requiredString(Node node, String field) {
        String value = string(node, field);
        if (value != null && value.isBlank()) {
            problem(node, field, "must not be empty");
            return null;
        }
        return value;
    }

    /**
     * A name people read in every output (a scenario's, a check's): non-blank, at most {@value #MAX_LABEL} characters,
     * without control characters; or {@code null} (problem recorded).
     */
    String label(Node node, String field) {
        String value = requiredString(node, field);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_LABEL || !dev.perf.scenario.Printable.escape(value).equals(value)) {
            problem(node, field, "'" + value + "' is not a name: a name has at most " + MAX_LABEL + " characters and "
                    + "no line breaks or other control characters");
            return null;
        }
        return value;
    }

    static final int MAX_LABEL = 200;

    /** A whole number in [min, max], or {@code null} (problem recorded). */
    Long integer(Node node, String field, long min, long max) {
        String text = string(node, field);
        if (text == null) {
            return null;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(node, field, "'" + text + "' is not valid; expected a whole number from " + min + " to " + max);
        return null;
    }

    /** {@code true} or {@code false}, or {@code null} (problem recorded). */
    Boolean bool(Node node, String field) {
        String text = string(node, field);
        if (text == null) {
            return null;
        }
        return switch (text.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                problem(node, field, "'" + text + "' is not valid; expected true or false");
                yield null;
            }
        };
    }

    static boolean isStandardTag(Tag tag) {
        return tag.equals(Tag.STR) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL)
                || tag.equals(Tag.NULL) || tag.equals(Tag.MAP) || tag.equals(Tag.SEQ)
                || tag.equals(Tag.TIMESTAMP);
    }

    static String describe(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue().isEmpty() ? "empty" : "'" + scalar.getValue() + "'";
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    static Set<String> keys(String... keys) {
        return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(List.of(keys)));
    }
}
