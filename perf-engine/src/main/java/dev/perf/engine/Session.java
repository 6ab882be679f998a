package dev.perf.engine;

import dev.perf.scenario.Template;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The variables of one flow iteration (what its steps captured, its feeders' records, the built-in generators) and
 * the cookies of its virtual user. Used by one iteration
 * at a time (its steps run one after another), so it needs no locking.
 */
final class Session {
    private static final char[] ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
            .toCharArray();
    private final Map<String, String> variables = new HashMap<>();
    private final Sequence sequence;
    private final CookieJar cookies;

    /**
     * @param sequence the run's counter behind {@code ${seq}}
     * @param cookies  the virtual user's cookies, or {@code null} when none are kept
     */
    Session(Sequence sequence, CookieJar cookies) {
        this.sequence = sequence;
        this.cookies = cookies;
    }

    CookieJar cookies() {
        return cookies;
    }

    void put(String name, String value) {
        variables.put(name, value);
    }

    /** The values of those of {@code names} that are set (for masking them). */
    java.util.List<String> values(java.util.Set<String> names) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (String name : names) {
            String value = variables.get(name);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    String get(String name) {
        return variables.get(name);
    }

    /** The text of a template part: a variable's value, or a generator's next value. */
    String value(Template.Part part) {
        if (part.variable() != null) {
            String value = variables.get(part.variable());
            // validation makes sure a step only uses what earlier steps captured, and a capture that finds nothing
            // ends the iteration: a missing value here is a bug, not a user's mistake
            if (value == null) {
                throw new IllegalStateException("variable " + part.variable() + " was not captured");
            }
            return value;
        }
        return switch (part.generator()) {
            case "seq" -> Long.toString(sequence.next());
            case "uuid" -> UUID.randomUUID().toString();
            case "now" -> Instant.now().toString();
            case "nowMillis" -> Long.toString(System.currentTimeMillis());
            case "randomInt" -> Long.toString(ThreadLocalRandom.current().nextLong(part.a(), part.b() + 1));
            case "randomString" -> randomString((int) part.a());
            default -> throw new IllegalStateException("unknown generator " + part.generator());
        };
    }

    private static String randomString(int length) {
        char[] text = new char[length];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            text[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(text);
    }
}
