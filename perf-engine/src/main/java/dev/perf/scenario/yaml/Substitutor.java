package dev.perf.scenario.yaml;

import dev.perf.scenario.Template;

import java.util.Map;
import java.util.Set;

/**
 * Replaces {@code ${env.NAME}}, {@code ${env.NAME:-default}}, {@code ${NAME}} and {@code ${NAME:-default}} in
 * scalar values: {@code env.} reads the environment, a bare name reads the properties (Maven project and user
 * properties, {@code -D} system properties). Defaults may hold references: {@code ${env.URL:-http://localhost:${port}}}.
 * {@code $${} writes a literal {@code ${}.
 */
public final class Substitutor {
    /** How deep references may nest in defaults. */
    public static final int MAX_NESTING = 10;
    private final Map<String, String> environment;
    private final Map<String, String> properties;

    public Substitutor(Map<String, String> environment, Map<String, String> properties) {
        this.environment = Map.copyOf(environment);
        this.properties = Map.copyOf(properties);
    }

    /**
     * The same, with {@code extra} properties under the existing ones (an environment's variables: a {@code -D}
     * property of the same name still wins).
     */
    public Substitutor withProperties(Map<String, String> extra) {
        Map<String, String> merged = new java.util.HashMap<>(extra);
        merged.putAll(properties);
        return new Substitutor(environment, merged);
    }

    /** A property's value, or {@code null}. */
    public String property(String name) {
        return properties.get(name);
    }

    /** Neither environment nor properties: every reference needs a default. */
    public static Substitutor none() {
        return new Substitutor(Map.of(), Map.of());
    }

    /**
     * @throws IllegalArgumentException naming the undefined variable and how to define it
     */
    public String apply(String text) {
        return apply(text, Set.of());
    }

    /**
     * As {@link #apply(String)}, leaving {@code ${name}} in place for runtime variables: the names in
     * {@code runtime} (captures of a flow) and the built-in generators ({@code ${uuid}}, {@code ${randomInt(1,9)}}).
     */
    public String apply(String text, Set<String> runtime) {
        if (text.indexOf("${") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
                continue;
            }
            if (!text.startsWith("${", i)) {
                out.append(text.charAt(i++));
                continue;
            }
            int end = closingBrace(text, i + 2);
            if (end < 0) {
                throw new IllegalArgumentException("unclosed '${' in '" + dev.perf.scenario.Printable.quoted(text)
                        + "'; write ${NAME} or $${ for a literal");
            }
            String reference = text.substring(i + 2, end);
            String name = reference.trim();
            if (runtime.contains(name) || Template.isGenerator(name)) {
                out.append("${").append(name).append('}');
            } else {
                out.append(resolve(reference));
            }
            i = end + 1;
        }
        return out.toString();
    }

    /**
     * The index of the '}' closing a reference whose body starts at {@code from}; defaults may nest references, at
     * most {@value #MAX_NESTING} deep.
     */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && text.charAt(i - 1) == '$') {
                if (++depth > MAX_NESTING) {
                    throw new IllegalArgumentException("references nest more than " + MAX_NESTING + " deep "
                            + "(${a:-${b:-...}}); at most " + MAX_NESTING + " are allowed");
                }
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String resolve(String reference) {
        String name = reference;
        String fallback = null;
        int dash = reference.indexOf(":-");
        if (dash >= 0) {
            name = reference.substring(0, dash);
            fallback = reference.substring(dash + 2);
        }
        boolean env = name.startsWith("env.");
        String value = env ? environment.get(name.substring(4)) : properties.get(name);
        if (value != null && !(env && value.isEmpty() && fallback != null)) {
            return value;
        }
        if (fallback != null) {
            return apply(fallback);
        }
        if (env) {
            throw new IllegalArgumentException("environment variable " + name.substring(4)
                    + " is not set; set it, or give a default: ${" + name + ":-value}");
        }
        throw new IllegalArgumentException("property '" + name + "' is not defined; pass -D" + name
                + "=value, define it in the pom, or give a default: ${" + name + ":-value}; in a flow, a variable must "
                + "be captured by an earlier step (generators: " + String.join(", ", Template.GENERATORS.stream()
                .sorted().toList()) + ", randomInt(min,max), randomString(length))");
    }
}
