package dev.perf.scenario.yaml;

import org.yaml.snakeyaml.nodes.Node;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code auth:}: {@code { bearer: ${env.API_TOKEN} }} or {@code { basic: { username: ..., password: ... } }}, as
 * an {@code Authorization} header value. The credentials are recorded as secrets, so they are masked wherever a
 * message could show them.
 */
final class AuthReader {
    private static final Set<String> KEYS = YamlDoc.keys("basic", "bearer");
    private static final Set<String> BASIC_KEYS = YamlDoc.keys("username", "password");

    private AuthReader() {
    }

    /** @return the Authorization header's value, or {@code null} (problem recorded) */
    static String read(YamlDoc doc, Node node, String field) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> auth = doc.mapping(node, field, KEYS);
        if (auth.size() != 1) {
            if (doc.problems().size() == before) {
                doc.problem(node, field, "give one of bearer: <token> or basic: { username: ..., password: ... }; "
                        + "take the secrets from the environment, e.g. bearer: ${env.API_TOKEN}");
            }
            return null;
        }
        if (auth.containsKey("bearer")) {
            String token = doc.requiredString(auth.get("bearer").value(), field + ".bearer");
            if (token == null) {
                return null;
            }
            doc.secret(token);
            doc.secret("Bearer " + token);
            return "Bearer " + token;
        }
        Map<String, YamlDoc.Entry> basic = doc.mapping(auth.get("basic").value(), field + ".basic", BASIC_KEYS);
        if (!basic.containsKey("username") || !basic.containsKey("password")) {
            doc.problem(auth.get("basic").value(), field + ".basic", "needs username and password");
            return null;
        }
        String user = doc.string(basic.get("username").value(), field + ".basic.username");
        String password = doc.string(basic.get("password").value(), field + ".basic.password");
        if (user == null || password == null) {
            return null;
        }
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        doc.secret(password);
        doc.secret(encoded);
        return "Basic " + encoded;
    }
}
