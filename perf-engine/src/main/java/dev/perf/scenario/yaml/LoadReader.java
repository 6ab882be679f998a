package dev.perf.scenario.yaml;

import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.Rates;
import dev.perf.scenario.Stage;
import dev.perf.scenario.UsersStage;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code load:} into stages.
 * <ul>
 *   <li>open model: {@code rate} + {@code duration} (+ {@code rampUp}: a linear ramp from 0 first),
 *       optional {@code maxInFlight};</li>
 *   <li>closed model: {@code concurrency} + {@code duration} and/or {@code iterations}.</li>
 * </ul>
 */
final class LoadReader {
    private static final Set<String> KEYS = YamlDoc.keys("rate", "concurrency", "duration", "rampUp", "iterations",
            "maxInFlight");
    static final int MAX_USERS = 100_000;
    static final double MAX_RATE_PER_SECOND = 1_000_000;

    private LoadReader() {
    }

    static LoadSpec read(YamlDoc doc, Node node) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> load = doc.mapping(node, "load", KEYS);
        if (doc.problems().size() > before) {
            return null;
        }
        boolean open = load.containsKey("rate");
        boolean closed = load.containsKey("concurrency");
        if (open && closed) {
            doc.problem(load.get("concurrency").keyNode(), "load.concurrency", "give either rate (open model: "
                    + "arrivals per second) or concurrency (closed model: looping users), not both");
            return null;
        }
        if (!open && !closed) {
            doc.problem(node, "load", "needs 'rate' (e.g. rate: 50/s) or 'concurrency' (e.g. concurrency: 10)");
            return null;
        }
        Duration duration = load.containsKey("duration")
                ? Defaults.duration(doc, load.get("duration").value(), "load.duration") : null;
        List<Stage> stages = new ArrayList<>();
        int maxInFlight = LoadSpec.DEFAULT_MAX_IN_FLIGHT;
        if (open) {
            Double rate = rate(doc, load.get("rate").value());
            if (!load.containsKey("duration")) {
                doc.problem(node, "load.duration", "missing; an open-model test needs a duration, e.g. 'duration: 30s'");
            }
            reject(doc, load, "iterations", "iterations bound the closed model only; with a rate, set a duration");
            if (load.containsKey("maxInFlight")) {
                Long cap = doc.integer(load.get("maxInFlight").value(), "load.maxInFlight", 1, 1_000_000);
                maxInFlight = cap == null ? maxInFlight : cap.intValue();
            }
            Duration rampUp = load.containsKey("rampUp")
                    ? Defaults.duration(doc, load.get("rampUp").value(), "load.rampUp") : null;
            if (rate == null || duration == null || (load.containsKey("rampUp") && rampUp == null)) {
                return null;
            }
            if (rampUp != null) {
                stages.add(new RateStage(0, rate, rampUp));
            }
            stages.add(new RateStage(rate, rate, duration));
        } else {
            Long users = doc.integer(load.get("concurrency").value(), "load.concurrency", 1, MAX_USERS);
            reject(doc, load, "rampUp", "rampUp applies to a rate; with concurrency all users start at once");
            reject(doc, load, "maxInFlight", "maxInFlight caps the open model; with concurrency, in-flight requests "
                    + "equal the number of users");
            Long iterations = load.containsKey("iterations")
                    ? doc.integer(load.get("iterations").value(), "load.iterations", 1, Long.MAX_VALUE / 2) : null;
            if (!load.containsKey("duration") && !load.containsKey("iterations")) {
                doc.problem(node, "load", "needs 'duration' (e.g. 30s) or 'iterations' (total requests) to end");
                return null;
            }
            if (users == null || (load.containsKey("duration") && duration == null)
                    || (load.containsKey("iterations") && iterations == null)) {
                return null;
            }
            stages.add(new UsersStage(users.intValue(), duration, iterations == null ? 0 : iterations));
        }
        return new LoadSpec(stages, maxInFlight);
    }

    private static Double rate(YamlDoc doc, Node node) {
        if (!(node instanceof ScalarNode)) {
            doc.problem(node, "load.rate", "expected one rate such as 200/s, was " + YamlDoc.describe(node));
            return null;
        }
        String text = doc.string(node, "load.rate");
        if (text == null) {
            return null;
        }
        try {
            double perSecond = Rates.parsePerSecond(text);
            if (perSecond > MAX_RATE_PER_SECOND) {
                doc.problem(node, "load.rate", "'" + text + "' is above the limit of " + (long) MAX_RATE_PER_SECOND + "/s");
                return null;
            }
            return perSecond;
        } catch (IllegalArgumentException e) {
            doc.problem(node, "load.rate", e.getMessage());
            return null;
        }
    }

    private static void reject(YamlDoc doc, Map<String, YamlDoc.Entry> load, String key, String why) {
        if (load.containsKey(key)) {
            doc.problem(load.get(key).keyNode(), "load." + key, why);
        }
    }
}
