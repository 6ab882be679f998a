package dev.perf.scenario.yaml;

import dev.perf.scenario.LiveSpec;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;

/**
 * Reads {@code live:}.
 * <pre>
 * live:
 *   port: 9464          # serve OpenMetrics at http://127.0.0.1:9464/metrics while the run goes (0: any free port)
 *   host: 127.0.0.1     # the address to listen on; the default is the loopback address
 * </pre>
 */
final class LiveReader {
    private static final Set<String> KEYS = YamlDoc.keys("port", "host");

    private LiveReader() {
    }

    static LiveSpec read(YamlDoc doc, Node node) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> live = doc.mapping(node, "live", KEYS);
        Long port = live.containsKey("port") ? doc.integer(live.get("port").value(), "live.port", 0, 65_535) : null;
        String host = null;
        if (live.containsKey("host")) {
            Node value = live.get("host").value();
            host = doc.requiredString(value, "live.host");
            if (host != null && (host.isBlank() || host.contains("/") || host.contains(" "))) {
                doc.problem(value, "live.host", "'" + host + "' is not an address to listen on; give an IP address "
                        + "or a host name of this machine, e.g. 127.0.0.1 (the default) or 0.0.0.0 (every interface)");
            }
            if (host != null && !live.containsKey("port")) {
                doc.problem(value, "live.host", "a host without a port serves nothing; add live.port, e.g. 9464");
            }
        }
        if (doc.problems().size() > before) {
            return null;
        }
        return new LiveSpec(port == null ? null : port.intValue(), host);
    }
}
