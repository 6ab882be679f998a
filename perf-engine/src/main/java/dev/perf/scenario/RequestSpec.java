package dev.perf.scenario;

import java.util.List;
import java.util.Map;

/**
 * One named request of the mix, with defaults already applied.
 *
 * @param name        unique within the scenario; letters, digits, '-' and '_'
 * @param method      HTTP method
 * @param path        path relative to the scenario's base URL (starting with '/'), or an absolute http(s) URL;
 *                    no query
 * @param query       query parameters in order; a name may repeat
 * @param headers     {@code defaults.headers} merged with the request's own (which win, names compared
 *                    case-insensitively)
 * @param body        body bytes, or {@code null} for none
 * @param expect      status codes that count as success
 * @param weight      relative share of the mix, at least 1
 * @param parts       a multipart/form-data body's parts (then {@code body} is {@code null}), or empty
 * @param version which HTTP this request is sent over ({@code http.version}), or {@code null} for the scenario's
 */
public record RequestSpec(String name, HttpMethod method, String path, List<Map.Entry<String, String>> query,
                          Map<String, String> headers, byte[] body, ExpectedStatus expect, int weight, List<Part> parts,
                          HttpVersion version) {

    public RequestSpec {
        query = List.copyOf(query);
        headers = Map.copyOf(headers);
        parts = List.copyOf(parts);
    }

    /** The absolute URL (without query) of this request against {@code baseUrl}, which has no trailing slash. */
    public String url(String baseUrl) {
        return path.startsWith("/") ? baseUrl + path : path;
    }
}
