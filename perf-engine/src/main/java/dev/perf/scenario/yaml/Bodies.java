package dev.perf.scenario.yaml;

import dev.perf.scenario.Part;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Request bodies besides {@code json:} and {@code body:}: a file ({@code bodyFile:}) and a form ({@code form:}). */
final class Bodies {
    static final String FORM = "application/x-www-form-urlencoded";
    /** A body file larger than this is refused: bodies are held in memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]+}");

    private Bodies() {
    }

    /**
     * A file's text with variables substituted (load-time ones now, runtime ones at each send); sets Content-Type
     * from the extension when the request does not set it.
     */
    static byte[] file(YamlDoc doc, Node node, String field, Map<String, String> headers) {
        String name = doc.requiredString(node, field);
        if (name == null) {
            return null;
        }
        Path file = doc.namedFile(node, field, name, MAX_BYTES);
        if (file == null) {
            return null;
        }
        try {
            String text = doc.substitute(ProjectFiles.utf8(ProjectFiles.read(file, MAX_BYTES)), node, field);
            if (text == null) {
                return null;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                headers.putIfAbsent("Content-Type", "application/json");
            } else if (lower.endsWith(".xml")) {
                headers.putIfAbsent("Content-Type", "application/xml");
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (ProjectFiles.NotUtf8 e) {
            doc.problem(node, field, "'" + name + "' is not UTF-8 text (line " + e.line + "); a body file is sent as text with variables "
                    + "substituted; send binary data as a multipart file part");
            return null;
        } catch (IOException e) {
            doc.problem(node, field, "'" + name + "' cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static final Set<String> PART_KEYS = YamlDoc.keys("name", "value", "file", "contentType");

    /**
     * {@code multipart: [ { name: note, value: "hi ${seq}" }, { name: avatar, file: img/a.png, contentType: image/png } ]}:
     * the parts of a multipart/form-data body (AsyncHttpClient writes the boundary and the Content-Type).
     */
    static List<Part> multipart(YamlDoc doc, Node node, String field) {
        List<Part> parts = new ArrayList<>();
        List<Node> items = doc.list(node, field, false);
        if (items.isEmpty()) {
            doc.problem(node, field, "the list is empty; give parts like { name: note, value: text } or "
                    + "{ name: upload, file: data/a.csv }");
        }
        for (int i = 0; i < items.size(); i++) {
            String partField = field + "[" + i + "]";
            Map<String, YamlDoc.Entry> p = doc.mapping(items.get(i), partField, PART_KEYS);
            if (p.isEmpty()) {
                continue;
            }
            String name = p.containsKey("name") ? doc.requiredString(p.get("name").value(), partField + ".name") : null;
            if (!p.containsKey("name")) {
                doc.problem(items.get(i), partField + ".name", "missing; every part needs the form field's name");
            }
            if (p.containsKey("value") == p.containsKey("file")) {
                doc.problem(items.get(i), partField, "give either value (text) or file, one of the two");
                continue;
            }
            String type = p.containsKey("contentType")
                    ? doc.requiredString(p.get("contentType").value(), partField + ".contentType") : null;
            if (p.containsKey("value")) {
                String value = doc.string(p.get("value").value(), partField + ".value");
                if (name != null && value != null) {
                    parts.add(new Part(name, value, null, type));
                }
                continue;
            }
            String fileName = doc.requiredString(p.get("file").value(), partField + ".file");
            if (fileName == null) {
                continue;
            }
            Path file = doc.namedFile(p.get("file").value(), partField + ".file", fileName, MAX_BYTES);
            if (file == null) {
                continue;
            }
            if (name != null) {
                parts.add(new Part(name, null, file, type));
            }
        }
        return parts;
    }

    /** {@code name=Ada&tag=a&tag=b}: names and written values URL-encoded, runtime variables encoded at each send. */
    static byte[] form(YamlDoc doc, Node node, String field) {
        StringBuilder form = new StringBuilder();
        for (YamlDoc.Entry entry : doc.mapping(node, field, null).values()) {
            String itemField = field + "." + entry.key();
            for (Node valueNode : doc.list(entry.value(), itemField, true)) {
                String value = doc.string(valueNode, itemField);
                if (value == null) {
                    continue;
                }
                form.append(form.length() == 0 ? "" : "&").append(encode(entry.key())).append('=')
                        .append(encodeKeepingVariables(value));
            }
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String encodeKeepingVariables(String value) {
        StringBuilder out = new StringBuilder();
        Matcher m = REFERENCE.matcher(value);
        int at = 0;
        while (m.find()) {
            out.append(encode(value.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return out.append(encode(value.substring(at))).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
