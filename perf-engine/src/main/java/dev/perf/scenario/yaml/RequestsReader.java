package dev.perf.scenario.yaml;

import dev.perf.scenario.ExpectedStatus;
import dev.perf.scenario.HttpMethod;
import dev.perf.scenario.HttpUrls;
import dev.perf.scenario.RequestSpec;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads {@code requests:}, the request mix. */
final class RequestsReader {
    private static final Set<String> KEYS = YamlDoc.keys("name", "method", "path", "query", "headers", "json", "body",
            "expect", "weight");
    private static final Set<String> EXPECT_KEYS = YamlDoc.keys("status");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    static final int MAX_WEIGHT = 10_000;

    private RequestsReader() {
    }

    /**
     * @param names receives the name of every request written, valid or not, so that thresholds can be checked
     *              against them even when a request has other problems
     */
    static List<RequestSpec> read(YamlDoc doc, Node node, Defaults defaults, List<String> names) {
        List<Node> items = doc.list(node, "requests", false);
        if (items.isEmpty() && node instanceof SequenceNode) {
            doc.problem(node, "requests", "the list is empty; add at least one request");
        }
        List<RequestSpec> requests = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            RequestSpec request = readOne(doc, items.get(i), "requests[" + i + "]", defaults, names);
            if (request == null) {
                continue;
            }
            Node previous = seen.putIfAbsent(request.name(), items.get(i));
            if (previous != null) {
                doc.problem(items.get(i), "requests[" + i + "].name", "duplicate request name '" + request.name()
                        + "'; it is already used on line " + (previous.getStartMark().getLine() + 1));
                continue;
            }
            requests.add(request);
        }
        return requests;
    }

    private static RequestSpec readOne(YamlDoc doc, Node node, String field, Defaults defaults,
                                       List<String> names) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> r = doc.mapping(node, field, KEYS);
        if (r.isEmpty()) {
            if (before == doc.problems().size()) {
                doc.problem(node, field, "a request needs at least a name and a path");
            }
            return null;
        }
        String name = null;
        if (!r.containsKey("name")) {
            doc.problem(node, field + ".name", "missing; every request needs a name for its metrics");
        } else {
            name = doc.requiredString(r.get("name").value(), field + ".name");
            if (name != null) {
                names.add(name);
            }
            if (name != null && !NAME.matcher(name).matches()) {
                doc.problem(r.get("name").value(), field + ".name", "'" + name + "' is not valid; use letters, digits, "
                        + "'-' and '_' (no spaces or dots), e.g. get-customer");
            }
        }
        HttpMethod method = HttpMethod.GET;
        if (r.containsKey("method")) {
            method = method(doc, r.get("method").value(), field + ".method");
        }
        String path = null;
        if (!r.containsKey("path")) {
            doc.problem(node, field + ".path", "missing; e.g. 'path: /customers'");
        } else {
            path = path(doc, r.get("path").value(), field + ".path");
        }
        List<Map.Entry<String, String>> query = r.containsKey("query")
                ? query(doc, r.get("query").value(), field + ".query") : List.of();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(defaults.headers());
        if (r.containsKey("headers")) {
            headers.putAll(Defaults.headers(doc, r.get("headers").value(), field + ".headers"));
        }
        byte[] body = null;
        if (r.containsKey("json") && r.containsKey("body")) {
            doc.problem(r.get("body").keyNode(), field + ".body", "give either json or body, not both");
        } else if (r.containsKey("json")) {
            body = JsonBody.toJson(doc, r.get("json").value(), field + ".json");
            headers.putIfAbsent("Content-Type", "application/json");
        } else if (r.containsKey("body")) {
            String text = doc.string(r.get("body").value(), field + ".body");
            body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        }
        ExpectedStatus expect = ExpectedStatus.any2xx();
        if (r.containsKey("expect")) {
            expect = expect(doc, r.get("expect").value(), field + ".expect");
        }
        int weight = 1;
        if (r.containsKey("weight")) {
            Long w = doc.integer(r.get("weight").value(), field + ".weight", 1, MAX_WEIGHT);
            weight = w == null ? 1 : w.intValue();
        }
        if (doc.problems().size() > before || name == null || path == null) {
            return null;
        }
        return new RequestSpec(name, method, path, query, new LinkedHashMap<>(headers), body, expect, weight);
    }

    private static HttpMethod method(YamlDoc doc, Node node, String field) {
        String text = doc.requiredString(node, field);
        if (text == null) {
            return HttpMethod.GET;
        }
        try {
            return HttpMethod.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> valid = Arrays.stream(HttpMethod.values()).map(Enum::name).toList();
            doc.problem(node, field, "'" + text + "' is not a method" + Suggestions.didYouMean(text, valid)
                    + " (valid: " + String.join(", ", valid) + ")");
            return HttpMethod.GET;
        }
    }

    private static String path(YamlDoc doc, Node node, String field) {
        String path = doc.requiredString(node, field);
        if (path == null) {
            return null;
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            String problem = HttpUrls.problem(path);
            if (problem != null) {
                doc.problem(node, field, problem);
                return null;
            }
            return path;
        }
        if (!path.startsWith("/")) {
            doc.problem(node, field, "'" + path + "' must start with '/' (relative to target.baseUrl) "
                    + "or be an absolute http(s) URL");
            return null;
        }
        if (path.contains("?")) {
            doc.problem(node, field, "'" + path + "' contains a query; put parameters under 'query:' instead");
            return null;
        }
        if (path.contains(" ")) {
            doc.problem(node, field, "'" + path + "' contains a space; encode it as %20");
            return null;
        }
        return path;
    }

    private static List<Map.Entry<String, String>> query(YamlDoc doc, Node node, String field) {
        List<Map.Entry<String, String>> query = new ArrayList<>();
        for (YamlDoc.Entry entry : doc.mapping(node, field, null).values()) {
            String itemField = field + "." + entry.key();
            for (Node valueNode : doc.list(entry.value(), itemField, true)) {
                String value = doc.string(valueNode, itemField);
                if (value != null) {
                    query.add(new AbstractMap.SimpleImmutableEntry<>(entry.key(), value));
                }
            }
        }
        return query;
    }

    private static ExpectedStatus expect(YamlDoc doc, Node node, String field) {
        Map<String, YamlDoc.Entry> expect = doc.mapping(node, field, EXPECT_KEYS);
        if (!expect.containsKey("status")) {
            return ExpectedStatus.any2xx();
        }
        List<Node> items = doc.list(expect.get("status").value(), field + ".status", true);
        int[] codes = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Long code = doc.integer(items.get(i), field + ".status", 100, 599);
            codes[i] = code == null ? 200 : code.intValue();
        }
        if (codes.length == 0) {
            doc.problem(expect.get("status").value(), field + ".status", "the list is empty; give one code or a list");
            return ExpectedStatus.any2xx();
        }
        return ExpectedStatus.of(codes);
    }
}
