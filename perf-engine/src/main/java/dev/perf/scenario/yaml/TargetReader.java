package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.Node;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/** Reads {@code target:}. */
final class TargetReader {
    private static final Set<String> KEYS = YamlDoc.keys("baseUrl");

    private TargetReader() {
    }

    /** @return the base URL without a trailing slash, or {@code null} (problem recorded) */
    static String read(YamlDoc doc, Node node) {
        Map<String, YamlDoc.Entry> target = doc.mapping(node, "target", KEYS);
        YamlDoc.Entry baseUrl = target.get("baseUrl");
        if (baseUrl == null) {
            if (!target.isEmpty() || node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
                doc.problem(node, "target.baseUrl", "missing; e.g. 'baseUrl: http://localhost:8080'");
            }
            return null;
        }
        String url = doc.requiredString(baseUrl.value(), "target.baseUrl");
        if (url == null) {
            return null;
        }
        String problem = checkUrl(url);
        if (problem != null) {
            doc.problem(baseUrl.value(), "target.baseUrl", problem);
            return null;
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** @return what is wrong with {@code url}, or {@code null} when it is an absolute http(s) URL */
    static String checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                return "'" + url + "' is not valid; expected an absolute http:// or https:// URL with a host, "
                        + "e.g. http://localhost:8080";
            }
            return null;
        } catch (URISyntaxException e) {
            return "'" + url + "' is not a URL (" + e.getReason() + "); e.g. http://localhost:8080";
        }
    }
}
