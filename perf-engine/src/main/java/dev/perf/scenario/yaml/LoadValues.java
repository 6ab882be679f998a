package dev.perf.scenario.yaml;

import dev.perf.scenario.Rates;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the values of {@code load:}: rates, numbers of users, and what a {@code rampTo} value is. */
final class LoadValues {
    static final int MAX_USERS = 100_000;
    static final double MAX_RATE_PER_SECOND = 1_000_000;
    private static final Pattern USERS = Pattern.compile("(\\d+)\\s*(?:users?)?");
    private static final Pattern ZERO_RATE = Pattern.compile("0+(?:\\.0+)?\\s*(?:/\\s*[a-z]+)?");

    private LoadValues() {
    }

    /** Whether a value is written as a rate ({@code 50/s}), as users ({@code 20 users}), or as a bare number. */
    enum Written { RATE, USERS, BARE }

    static Written written(String text) {
        String t = text.trim();
        if (t.contains("/")) {
            return Written.RATE;
        }
        return t.endsWith("user") || t.endsWith("users") ? Written.USERS : Written.BARE;
    }

    /** A positive rate within the limit, or {@code null} (problem recorded). */
    static Double rate(YamlDoc doc, Node node, String field) {
        return rate(doc, node, field, false);
    }

    /** A rate, or {@code null} (problem recorded); {@code zeroAllowed} for the end of a ramp down. */
    static Double rate(YamlDoc doc, Node node, String field, boolean zeroAllowed) {
        if (!(node instanceof ScalarNode)) {
            doc.problem(node, field, "expected one rate such as 200/s, was " + YamlDoc.describe(node));
            return null;
        }
        String text = doc.string(node, field);
        if (text == null) {
            return null;
        }
        if (zeroAllowed && ZERO_RATE.matcher(text.trim()).matches()) {
            return 0.0;
        }
        try {
            double perSecond = Rates.parsePerSecond(text);
            if (perSecond > MAX_RATE_PER_SECOND) {
                doc.problem(node, field, "'" + text + "' is above the limit of " + (long) MAX_RATE_PER_SECOND + "/s");
                return null;
            }
            return perSecond;
        } catch (IllegalArgumentException e) {
            doc.problem(node, field, e.getMessage());
            return null;
        }
    }

    /** A number of users in [min, MAX_USERS], written {@code 20} or {@code 20 users}, or {@code null} (problem recorded). */
    static Integer users(YamlDoc doc, Node node, String field, int min) {
        String text = doc.string(node, field);
        if (text == null) {
            return null;
        }
        Matcher m = USERS.matcher(text.trim());
        if (m.matches()) {
            try {
                long users = Long.parseLong(m.group(1));
                if (users >= min && users <= MAX_USERS) {
                    return (int) users;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        doc.problem(node, field, "'" + text + "' is not valid; expected a whole number of users from " + min + " to "
                + MAX_USERS);
        return null;
    }
}
