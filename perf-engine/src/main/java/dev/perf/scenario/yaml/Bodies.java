package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
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
        Path base = doc.file().toAbsolutePath().getParent();
        Path file = base == null ? Path.of(name) : base.resolve(name).normalize();
        try {
            if (!Files.isRegularFile(file)) {
                doc.problem(node, field, "'" + name + "' is not a file (looked for " + file + "); a relative path starts "
                        + "at the scenario's folder");
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                doc.problem(node, field, "'" + name + "' is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
                return null;
            }
            String text = doc.substitute(Files.readString(file, StandardCharsets.UTF_8), node, field);
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
        } catch (IOException e) {
            doc.problem(node, field, "'" + name + "' cannot be read: " + e.getMessage());
            return null;
        }
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
