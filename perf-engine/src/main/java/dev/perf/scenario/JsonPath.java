package dev.perf.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON paths captures and checks take: {@code $}, then any of {@code .name}, {@code ['name']} and {@code [index]}
 * ({@code [-1]} is the last element): {@code $.items[0].name}, {@code $['first name']}. Filters and wildcards are
 * not supported; a path that would need them says so when the scenario loads.
 */
public final class JsonPath {
    private final String text;
    private final List<Object> segments;

    private JsonPath(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** @return what is wrong with {@code path}, or {@code null} when it is valid */
    public static String problem(String path) {
        try {
            compile(path);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** @throws IllegalArgumentException saying what is wrong */
    public static JsonPath compile(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("'" + path + "' is not a JSON path; it starts with $, e.g. $.items[0].id");
        }
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*")) {
                    throw unsupported(path, name.isEmpty() ? "'..' (deep scan)" : "wildcards");
                }
                segments.add(name);
                i = end;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + path + "' has an unclosed '['");
                }
                String inside = path.substring(i + 1, end).trim();
                if ((inside.startsWith("'") && inside.endsWith("'") || inside.startsWith("\"") && inside.endsWith("\""))
                        && inside.length() >= 2) {
                    segments.add(inside.substring(1, inside.length() - 1));
                } else {
                    try {
                        segments.add(Integer.parseInt(inside));
                    } catch (NumberFormatException e) {
                        throw unsupported(path, "'[" + inside + "]' (filters, slices, wildcards)");
                    }
                }
                i = end + 1;
            } else {
                throw new IllegalArgumentException("'" + path + "' is not valid at '" + path.substring(i)
                        + "'; write $.name, $['name'] or $.list[0]");
            }
        }
        return new JsonPath(path, List.copyOf(segments));
    }

    private static IllegalArgumentException unsupported(String path, String what) {
        return new IllegalArgumentException("'" + path + "' uses " + what + ", which perf's JSON paths do not support; "
                + "use $.name, $['name'] and $.list[0] (or [-1] for the last)");
    }

    /** The node at this path, or {@code null} when there is none. */
    public JsonNode read(JsonNode root) {
        JsonNode node = root;
        for (Object segment : segments) {
            if (node == null) {
                return null;
            }
            if (segment instanceof Integer index) {
                if (!node.isArray()) {
                    return null;
                }
                int at = index < 0 ? node.size() + index : index;
                node = at >= 0 && at < node.size() ? node.get(at) : null;
            } else {
                node = node.isObject() ? node.get((String) segment) : null;
            }
        }
        return node;
    }

    /** A node as text: a string's value, else its JSON. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
