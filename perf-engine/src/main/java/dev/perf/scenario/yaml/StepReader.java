package dev.perf.scenario.yaml;

import dev.perf.scenario.Capture;
import dev.perf.scenario.Check;
import dev.perf.scenario.Durations;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Step;
import dev.perf.scenario.Template;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads what a step adds to a request: {@code capture:}, {@code check:} and {@code think:}. */
final class StepReader {
    /** The longest text {@code bodyContains} may look for: the engine keeps this much of a body's end to find it. */
    static final int MAX_CONTAINS_BYTES = 64 * 1024;
    private static final Set<String> CHECK_KEYS = YamlDoc.keys("name", "header", "json", "bodyContains", "bodyMatches",
            "maxTime", "equals", "exists", "fail");
    private static final Set<String> CAPTURE_KEYS = YamlDoc.keys("json", "header", "regex", "cookie");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String CHECK_HINT = "header: Content-Type (with equals: ...), json: $.id (with equals: ... or "
            + "exists: true), bodyContains: text, bodyMatches: regex, or maxTime: 200ms";

    private StepReader() {
    }

    /** The names a step captures, read from its YAML before anything else, so later steps may use them. */
    static Set<String> captureNames(YamlDoc doc, Node step) {
        Set<String> names = new LinkedHashSet<>();
        if (step instanceof MappingNode mapping) {
            mapping.getValue().stream()
                    .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("capture"))
                    .filter(t -> t.getValueNode() instanceof MappingNode)
                    .forEach(t -> ((MappingNode) t.getValueNode()).getValue().forEach(c -> {
                        if (c.getKeyNode() instanceof ScalarNode key) {
                            names.add(key.getValue());
                        }
                    }));
        }
        return names;
    }

    static List<Capture> captures(YamlDoc doc, Node node, String field) {
        List<Capture> captures = new ArrayList<>();
        for (YamlDoc.Entry entry : doc.mapping(node, field, null).values()) {
            String itemField = field + "." + entry.key();
            if (!VARIABLE.matcher(entry.key()).matches() || Template.isGenerator(entry.key())) {
                doc.problem(entry.keyNode(), itemField, "'" + entry.key() + "' is not a valid variable name; use "
                        + "letters, digits and '_', not starting with a digit, and not a generator's name");
                continue;
            }
            Capture capture = capture(doc, entry.key(), entry.value(), itemField);
            if (capture != null) {
                captures.add(capture);
            }
        }
        return captures;
    }

    private static Capture capture(YamlDoc doc, String variable, Node node, String field) {
        if (node instanceof ScalarNode) {
            String path = doc.requiredString(node, field);
            if (path == null) {
                return null;
            }
            if (!path.startsWith("$")) {
                doc.problem(node, field, "'" + path + "' is not a JSON path; write $.field, or say where the value "
                        + "comes from: { json: $.id }, { header: Location }, { regex: 'id=(\\d+)' } or { cookie: SESSION }");
                return null;
            }
            return jsonPath(doc, node, field, variable, path);
        }
        Map<String, YamlDoc.Entry> m = doc.mapping(node, field, CAPTURE_KEYS);
        if (m.size() != 1) {
            if (!m.isEmpty() || node instanceof MappingNode) {
                doc.problem(node, field, "give exactly one source: json, header, regex or cookie");
            }
            return null;
        }
        YamlDoc.Entry source = m.values().iterator().next();
        String expression = doc.requiredString(source.value(), field + "." + source.key());
        if (expression == null) {
            return null;
        }
        return switch (source.key()) {
            case "json" -> jsonPath(doc, source.value(), field + ".json", variable, expression);
            case "header" -> new Capture(variable, Capture.Source.HEADER, expression);
            case "cookie" -> new Capture(variable, Capture.Source.COOKIE, expression);
            default -> regex(doc, source.value(), field + ".regex", expression) == null ? null
                    : new Capture(variable, Capture.Source.REGEX, expression);
        };
    }

    private static Capture jsonPath(YamlDoc doc, Node node, String field, String variable, String path) {
        String problem = dev.perf.scenario.JsonPath.problem(path);
        if (problem != null) {
            doc.problem(node, field, problem);
            return null;
        }
        return new Capture(variable, Capture.Source.JSON_PATH, path);
    }

    static List<Check> checks(YamlDoc doc, Node node, String field) {
        List<Check> checks = new ArrayList<>();
        List<Node> items = doc.list(node, field, false);
        for (int i = 0; i < items.size(); i++) {
            Check check = check(doc, items.get(i), field + "[" + i + "]");
            if (check != null) {
                checks.add(check);
            }
        }
        return checks;
    }

    private static Check check(YamlDoc doc, Node node, String field) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> m = doc.mapping(node, field, CHECK_KEYS);
        List<String> subjects = m.keySet().stream()
                .filter(k -> Set.of("header", "json", "bodyContains", "bodyMatches", "maxTime").contains(k)).toList();
        if (subjects.size() != 1) {
            if (doc.problems().size() == before) {
                doc.problem(node, field, (subjects.isEmpty() ? "says nothing to check" : "checks " + subjects
                        + " at once") + "; give one of " + CHECK_HINT);
            }
            return null;
        }
        String subject = subjects.get(0);
        String value = doc.requiredString(m.get(subject).value(), field + "." + subject);
        String equals = m.containsKey("equals") ? doc.string(m.get("equals").value(), field + ".equals") : null;
        Boolean exists = m.containsKey("exists") ? doc.bool(m.get("exists").value(), field + ".exists") : null;
        boolean fails = true;
        if (m.containsKey("fail")) {
            Boolean f = doc.bool(m.get("fail").value(), field + ".fail");
            fails = f == null || f;
        }
        if (value == null || doc.problems().size() > before) {
            return null;
        }
        if (Boolean.FALSE.equals(exists)) {
            doc.problem(m.get("exists").value(), field + ".exists", "only 'exists: true' is supported; to check that "
                    + "a field is absent, use bodyMatches");
            return null;
        }
        if ((m.containsKey("equals") || m.containsKey("exists")) && !subject.equals("header") && !subject.equals("json")) {
            doc.problem(node, field, "equals and exists go with header or json, not " + subject);
            return null;
        }
        String name = m.containsKey("name") ? doc.label(m.get("name").value(), field + ".name") : null;
        Check.Kind kind;
        String expected = equals;
        Duration maxTime = null;
        switch (subject) {
            case "header" -> kind = equals == null ? Check.Kind.HEADER_PRESENT : Check.Kind.HEADER_EQUALS;
            case "json" -> {
                if (dev.perf.scenario.JsonPath.problem(value) != null) {
                    doc.problem(m.get("json").value(), field + ".json", dev.perf.scenario.JsonPath.problem(value));
                    return null;
                }
                kind = equals == null ? Check.Kind.JSON_PATH_EXISTS : Check.Kind.JSON_PATH_EQUALS;
            }
            case "bodyContains" -> {
                if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CONTAINS_BYTES) {
                    doc.problem(m.get(subject).value(), field + ".bodyContains", "is longer than "
                            + MAX_CONTAINS_BYTES / 1024 + " KiB, the longest text a check looks for");
                    return null;
                }
                kind = Check.Kind.BODY_CONTAINS;
                expected = value;
            }
            case "bodyMatches" -> {
                if (regex(doc, m.get(subject).value(), field + ".bodyMatches", value) == null) {
                    return null;
                }
                kind = Check.Kind.BODY_MATCHES;
                expected = value;
            }
            default -> {
                maxTime = Defaults.duration(doc, m.get("maxTime").value(), field + ".maxTime");
                if (maxTime == null) {
                    return null;
                }
                kind = Check.Kind.RESPONSE_TIME;
            }
        }
        if (name == null) {
            name = switch (kind) {
                case HEADER_PRESENT -> "header " + value;
                case HEADER_EQUALS -> "header " + value + " = " + equals;
                case JSON_PATH_EXISTS -> "json " + value;
                case JSON_PATH_EQUALS -> "json " + value + " = " + equals;
                case BODY_CONTAINS -> "body contains " + value;
                case BODY_MATCHES -> "body matches " + value;
                case RESPONSE_TIME -> "time <= " + Durations.format(maxTime);
            };
        }
        return new Check(name, kind, kind == Check.Kind.RESPONSE_TIME || kind == Check.Kind.BODY_CONTAINS
                || kind == Check.Kind.BODY_MATCHES ? null : value, expected, maxTime, fails);
    }

    private static Pattern regex(YamlDoc doc, Node node, String field, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            doc.problem(node, field, "'" + regex + "' is not a valid regular expression: " + e.getDescription());
            return null;
        }
    }

    /** {@code think: 500ms} or a range {@code think: 200ms..1s}; {@code null} when absent or wrong (recorded). */
    static Duration[] think(YamlDoc doc, Node node, String field) {
        String text = doc.requiredString(node, field);
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\.\\.", -1);
        if (parts.length > 2) {
            doc.problem(node, field, "'" + text + "' is not valid; write a pause (500ms) or a range (200ms..1s)");
            return null;
        }
        try {
            Duration min = Durations.parse(parts[0].trim());
            Duration max = parts.length == 2 ? Durations.parse(parts[1].trim()) : min;
            if (max.compareTo(min) < 0) {
                doc.problem(node, field, "'" + text + "': the range must run from the shorter to the longer pause");
                return null;
            }
            return new Duration[]{min, max};
        } catch (IllegalArgumentException e) {
            doc.problem(node, field, "'" + text + "' is not valid; write a pause (500ms) or a range (200ms..1s): "
                    + e.getMessage());
            return null;
        }
    }

    /**
     * Reports a runtime variable the step uses that no earlier step captures.
     *
     * @param available the captures of the steps before this one
     */
    static void checkVariables(YamlDoc doc, Node node, String field, Step step, Set<String> available) {
        Set<String> used = new LinkedHashSet<>();
        RequestSpec r = step.request();
        used.addAll(Template.parse(r.path()).variables());
        r.query().forEach(q -> used.addAll(Template.parse(q.getValue()).variables()));
        r.headers().values().forEach(v -> used.addAll(Template.parse(v).variables()));
        if (r.body() != null) {
            used.addAll(Template.parse(new String(r.body(), StandardCharsets.UTF_8)).variables());
        }
        r.parts().forEach(p -> {
            if (p.value() != null) {
                used.addAll(Template.parse(p.value()).variables());
            }
        });
        step.checks().forEach(c -> {
            if (c.expected() != null && c.kind() != Check.Kind.BODY_MATCHES) {
                used.addAll(Template.parse(c.expected()).variables());
            }
        });
        for (String name : used) {
            if (!available.contains(name)) {
                doc.problem(node, field, "uses ${" + name + "} before any step captures it; a step can use what "
                        + "earlier steps of its flow captured" + (available.isEmpty() ? "" : " (" + String.join(", ",
                        available) + ")"));
            }
        }
    }
}
