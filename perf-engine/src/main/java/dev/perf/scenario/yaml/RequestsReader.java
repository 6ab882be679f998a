package dev.perf.scenario.yaml;

import dev.perf.scenario.Check;
import dev.perf.scenario.ExpectedStatus;
import dev.perf.scenario.Flow;
import dev.perf.scenario.HttpMethod;
import dev.perf.scenario.HttpVersion;
import dev.perf.scenario.HttpUrls;
import dev.perf.scenario.Part;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Step;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reads {@code requests:}, the request mix (each request becomes a flow of one step), and the request part of a step. */
final class RequestsReader {
    private static final Set<String> KEYS = YamlDoc.keys("name", "method", "path", "query", "headers", "json", "body", "http",
            "bodyFile", "form", "multipart", "auth", "expect", "weight", "check");
    /** A step of a flow: a request without a weight, with captures and a pause after it. */
    static final Set<String> STEP_KEYS = YamlDoc.keys("name", "method", "path", "query", "headers", "json", "body", "http",
            "bodyFile", "form", "multipart", "auth", "expect", "check", "capture", "think");
    private static final Set<String> EXPECT_KEYS = YamlDoc.keys("status");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    static final int MAX_WEIGHT = 10_000;
    private static final List<String> BODY_KEYS = List.of("json", "body", "bodyFile", "form", "multipart");

    private RequestsReader() {
    }

    /**
     * @param names receives the name of every request written, valid or not, so that thresholds can be checked
     *              against them even when a request has other problems
     */
    static List<Flow> read(YamlDoc doc, Node node, Defaults defaults, List<String> names) {
        List<Node> items = doc.list(node, "requests", false);
        if (items.isEmpty() && node instanceof SequenceNode) {
            doc.problem(node, "requests", "the list is empty; add at least one request");
        }
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "requests[" + i + "]";
            Read read = readOne(doc, items.get(i), field, defaults, names, KEYS);
            if (read == null) {
                continue;
            }
            List<Check> checks = read.entries().containsKey("check")
                    ? StepReader.checks(doc, read.entries().get("check").value(), field + ".check") : List.of();
            Step step = new Step(read.spec(), List.of(), checks, Duration.ZERO, Duration.ZERO);
            StepReader.checkVariables(doc, items.get(i), field, step, doc.feederColumns());
            flows.add(new Flow(read.spec().name(), read.spec().weight(), List.of(step), true));
        }
        return flows;
    }

    /** A request as read, with its mapping for the keys the caller reads (check, capture, think). */
    record Read(RequestSpec spec, Map<String, YamlDoc.Entry> entries) {
    }

    /** @return {@code null} when the request has a problem (recorded) */
    static Read readOne(YamlDoc doc, Node node, String field, Defaults defaults, List<String> names,
                        Set<String> keys) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> r = doc.mapping(node, field, keys);
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
                Node first = doc.firstUseOfRequestName(name, r.get("name").value());
                if (first != null) {
                    doc.problem(node, field + ".name", "duplicate request name '" + name + "'; it is already used on "
                            + "line " + (first.getStartMark().getLine() + 1) + " (request and step names name their "
                            + "metrics, so each is unique in the scenario)");
                }
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
        if (r.containsKey("auth")) {
            String authorization = AuthReader.read(doc, r.get("auth").value(), field + ".auth");
            if (authorization != null) {
                headers.put("Authorization", authorization);
            }
        }
        byte[] body = null;
        List<String> bodies = BODY_KEYS.stream().filter(r::containsKey).toList();
        if (bodies.size() > 1) {
            doc.problem(r.get(bodies.get(1)).keyNode(), field + "." + bodies.get(1), "give one body: json, body, bodyFile, "
                    + "form or multipart; this request has " + String.join(" and ", bodies));
        } else if (r.containsKey("json")) {
            body = JsonBody.toJson(doc, r.get("json").value(), field + ".json");
            headers.putIfAbsent("Content-Type", "application/json");
        } else if (r.containsKey("body")) {
            String text = doc.string(r.get("body").value(), field + ".body");
            body = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        } else if (r.containsKey("bodyFile")) {
            body = Bodies.file(doc, r.get("bodyFile").value(), field + ".bodyFile", headers);
        } else if (r.containsKey("form")) {
            body = Bodies.form(doc, r.get("form").value(), field + ".form");
            headers.putIfAbsent("Content-Type", Bodies.FORM);
        }
        List<Part> parts = r.containsKey("multipart")
                ? Bodies.multipart(doc, r.get("multipart").value(), field + ".multipart") : List.of();
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
        HttpVersion version = r.containsKey("http") ? HttpOptionsReader.version(doc, r.get("http").value(),
                field + ".http") : null;
        return new Read(new RequestSpec(name, method, path, query, new LinkedHashMap<>(headers), body, expect, weight,
                parts, version), r);
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
        if (path.startsWith("${") && path.indexOf('}') > 0
                && dev.perf.scenario.Template.isGenerator(path.substring(2, path.indexOf('}')).trim())) {
            doc.problem(node, field, "'" + path + "' starts with a generator, whose values never start with '/' or "
                    + "http://; start the path with '/', e.g. /items/" + path);
            return null;
        }
        if (!path.startsWith("/") && !path.startsWith("${")) {
            doc.problem(node, field, "'" + path + "' must start with '/' (relative to target.baseUrl), be an "
                    + "absolute http(s) URL, or be a captured variable (${location})");
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
