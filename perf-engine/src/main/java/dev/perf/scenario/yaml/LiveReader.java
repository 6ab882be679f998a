package dev.perf.scenario.yaml;

import dev.perf.scenario.HttpUrls;
import dev.perf.scenario.LiveSpec;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code live:}.
 * <pre>
 * live:
 *   port: 9464                        # serve OpenMetrics at http://127.0.0.1:9464/metrics while the run goes
 *   host: 127.0.0.1                   # the address to listen on; the default is the loopback address
 *   otlp: http://127.0.0.1:4318       # push to an OpenTelemetry collector over OTLP/HTTP
 *   otlpInterval: 5s                  # how often (1s to 1h)
 * </pre>
 */
final class LiveReader {
    private static final Set<String> KEYS = YamlDoc.keys("port", "host", "otlp", "otlpInterval");

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
            String problem = host == null ? null : LiveSpec.hostProblem(host);
            if (problem != null) {
                doc.problem(value, "live.host", problem);
            } else if (host != null && !live.containsKey("port")) {
                doc.problem(value, "live.host", "a host without a port serves nothing; add live.port, e.g. 9464");
            }
        }
        String otlp = null;
        if (live.containsKey("otlp")) {
            Node value = live.get("otlp").value();
            otlp = doc.requiredString(value, "live.otlp");
            if (otlp != null) {
                // a password in the URL is masked wherever the problem shows the line
                HttpUrls.credentials(otlp).forEach(doc::secret);
            }
            String problem = otlp == null ? null : LiveSpec.otlpProblem(otlp);
            if (problem != null) {
                doc.problem(value, "live.otlp", problem);
            }
        }
        Duration interval = null;
        if (live.containsKey("otlpInterval")) {
            Node value = live.get("otlpInterval").value();
            interval = Defaults.duration(doc, value, "live.otlpInterval");
            String problem = interval == null ? null : LiveSpec.intervalProblem(interval);
            if (problem != null) {
                doc.problem(value, "live.otlpInterval", "'" + YamlDoc.describe(value).replace("'", "") + "' "
                        + problem);
            }
        }
        if (doc.problems().size() > before) {
            return null;
        }
        return new LiveSpec(port == null ? null : port.intValue(), host, otlp, interval);
    }
}
