package dev.perf.scenario.yaml;

import dev.perf.scenario.MonitorSpec;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code monitor:}.
 * <pre>
 * monitor:
 *   enabled: true            # false: no monitoring
 *   interval: 1s             # at least 1s
 *   machine: true
 *   generator: true
 *   target: { pid: 1234 }    # or { port: 8080 } or { name: java }; default: the process the run started
 * </pre>
 */
final class MonitorReader {
    private static final Set<String> KEYS = YamlDoc.keys("enabled", "interval", "machine", "generator", "target");
    private static final Set<String> TARGET_KEYS = YamlDoc.keys("pid", "port", "name");
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_INTERVAL = Duration.ofHours(1);

    private MonitorReader() {
    }

    static MonitorSpec read(YamlDoc doc, Node node) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> monitor = doc.mapping(node, "monitor", KEYS);
        MonitorSpec defaults = MonitorSpec.defaults();
        Boolean enabled = flag(doc, monitor, "enabled", defaults.enabled());
        Boolean machine = flag(doc, monitor, "machine", defaults.machine());
        Boolean generator = flag(doc, monitor, "generator", defaults.generator());
        Duration interval = defaults.interval();
        if (monitor.containsKey("interval")) {
            Node value = monitor.get("interval").value();
            interval = Defaults.duration(doc, value, "monitor.interval");
            if (interval != null && (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0)) {
                doc.problem(value, "monitor.interval", "'" + YamlDoc.describe(value).replace("'", "") + "' is outside "
                        + "1s to 1h; the operating system's CPU counters move about once a second, so shorter "
                        + "intervals would read zeros");
                interval = null;
            }
        }
        MonitorSpec.TargetSelector target = monitor.containsKey("target")
                ? target(doc, monitor.get("target").value()) : null;
        if (doc.problems().size() > before || enabled == null || machine == null || generator == null
                || interval == null) {
            return null;
        }
        return new MonitorSpec(enabled, interval, machine, generator, target);
    }

    private static Boolean flag(YamlDoc doc, Map<String, YamlDoc.Entry> monitor, String key, boolean fallback) {
        return monitor.containsKey(key) ? doc.bool(monitor.get(key).value(), "monitor." + key) : Boolean.valueOf(fallback);
    }

    private static MonitorSpec.TargetSelector target(YamlDoc doc, Node node) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> target = doc.mapping(node, "monitor.target", TARGET_KEYS);
        if (doc.problems().size() > before) {
            return null;
        }
        if (target.size() != 1) {
            doc.problem(node, "monitor.target", "name the target one way: { pid: 1234 }, { port: 8080 } (the process "
                    + "listening there) or { name: java }");
            return null;
        }
        YamlDoc.Entry entry = target.values().iterator().next();
        String field = "monitor.target." + entry.key();
        return switch (entry.key()) {
            case "pid" -> {
                Long pid = doc.integer(entry.value(), field, 1, Integer.MAX_VALUE);
                yield pid == null ? null : new MonitorSpec.ByPid(pid);
            }
            case "port" -> {
                Long port = doc.integer(entry.value(), field, 1, 65_535);
                yield port == null ? null : new MonitorSpec.ByPort(port.intValue());
            }
            default -> {
                String name = doc.requiredString(entry.value(), field);
                yield name == null ? null : new MonitorSpec.ByName(name.trim());
            }
        };
    }
}
