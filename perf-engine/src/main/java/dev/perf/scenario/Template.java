package dev.perf.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with runtime variables ({@code ${id}}, {@code ${uuid}}, {@code ${randomInt(1,100)}}): parsed once when the
 * scenario loads, rendered for each request. A text without any is constant and costs nothing to render.
 * Load-time references ({@code ${env.X}}, Maven properties) are already substituted before a template is made.
 */
public final class Template {
    /** Built-in generators, each a fresh value at every use. */
    public static final Set<String> GENERATORS = Set.of("seq", "uuid", "now", "nowMillis");
    private static final Pattern CALL = Pattern.compile("(randomInt)\\((-?\\d+),\\s*(-?\\d+)\\)|(randomString)\\((\\d+)\\)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
    private final String constant;
    private final List<Part> parts;

    /** A literal piece of text, or a variable, or a generator call. */
    public record Part(String literal, String variable, String generator, long a, long b) {
        boolean isLiteral() {
            return literal != null;
        }
    }

    private Template(String constant, List<Part> parts) {
        this.constant = constant;
        this.parts = parts;
    }

    /** The longest {@code randomString(n)}. */
    public static final int MAX_RANDOM_STRING = 65_536;
    /** The largest magnitude of a {@code randomInt(min,max)} bound. */
    public static final long MAX_RANDOM_INT = 1_000_000_000_000_000L;

    /**
     * What is wrong with the generator calls in {@code text} ({@code randomInt} bounds beyond
     * &plusmn;{@value #MAX_RANDOM_INT}, a {@code randomString} length beyond {@value #MAX_RANDOM_STRING}), or
     * {@code null}. {@link #parse} accepts what this accepts.
     */
    public static String problem(String text) {
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            Matcher call = CALL.matcher(m.group(1).trim());
            if (!call.matches()) {
                continue;
            }
            if (call.group(1) != null) {
                if (!bounded(call.group(2)) || !bounded(call.group(3))) {
                    return "randomInt(" + Printable.quoted(call.group(2)) + "," + Printable.quoted(call.group(3))
                            + "): each bound must be from -" + MAX_RANDOM_INT + " to " + MAX_RANDOM_INT;
                }
            } else if (call.group(5).length() > 6 || Long.parseLong(call.group(5)) > MAX_RANDOM_STRING
                    || Long.parseLong(call.group(5)) < 1) {
                return "randomString(" + Printable.quoted(call.group(5)) + "): the length must be from 1 to "
                        + MAX_RANDOM_STRING;
            }
        }
        return null;
    }

    private static boolean bounded(String number) {
        String digits = number.startsWith("-") ? number.substring(1) : number;
        return digits.length() <= 18 && Math.abs(Long.parseLong(number)) <= MAX_RANDOM_INT;
    }

    /** Whether {@code name} (what is inside {@code ${...}}) is a built-in generator. */
    public static boolean isGenerator(String name) {
        return GENERATORS.contains(name) || CALL.matcher(name).matches();
    }

    /**
     * @param text with {@code ${name}} references left by load-time substitution
     * @throws IllegalArgumentException when {@link #problem} finds something
     */
    public static Template parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Matcher m = REFERENCE.matcher(text);
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(text.substring(at, m.start()), null, null, 0, 0));
            }
            String name = m.group(1).trim();
            Matcher call = CALL.matcher(name);
            if (call.matches()) {
                parts.add(call.group(1) != null
                        ? new Part(null, null, "randomInt", Math.min(Long.parseLong(call.group(2)),
                        Long.parseLong(call.group(3))), Math.max(Long.parseLong(call.group(2)), Long.parseLong(call.group(3))))
                        : new Part(null, null, "randomString", Long.parseLong(call.group(5)), 0));
            } else if (GENERATORS.contains(name)) {
                parts.add(new Part(null, null, name, 0, 0));
            } else {
                parts.add(new Part(null, name, null, 0, 0));
            }
            at = m.end();
        }
        if (parts.isEmpty()) {
            return new Template(text, List.of());
        }
        if (at < text.length()) {
            parts.add(new Part(text.substring(at), null, null, 0, 0));
        }
        return new Template(null, List.copyOf(parts));
    }

    /** Names of the variables this text uses (not generators). */
    public List<String> variables() {
        return parts.stream().filter(p -> p.variable() != null).map(Part::variable).toList();
    }

    public boolean isConstant() {
        return constant != null;
    }

    /** The text, when {@link #isConstant()}. */
    public String constant() {
        return constant;
    }

    public List<Part> parts() {
        return parts;
    }

    /**
     * @param values resolves a part that is not literal (a variable or a generator) to its text
     */
    public String render(Function<Part, String> values) {
        if (constant != null) {
            return constant;
        }
        StringBuilder out = new StringBuilder(64);
        for (Part p : parts) {
            out.append(p.isLiteral() ? p.literal() : values.apply(p));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return constant != null ? constant : parts.toString();
    }
}
