package dev.perf.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The secret values of a scenario: credentials of {@code auth:}, the values of {@code Authorization}, {@code Cookie}
 * and {@code Proxy-Authorization} headers, and the variables listed under {@code secrets:}, each also in the
 * encodings in which it travels. Values captured at run time are secret by {@link Capture#secret()}. Every message that
 * reaches the console or a result file passes through {@link #mask}; header values of the sensitive headers are
 * never shown at all. Its {@code toString} shows no value.
 */
public final class Secrets {
    /** Headers whose values are never shown. */
    public static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    /** Shorter values are not masked inside other text (a 1-character password would mask every such letter). */
    static final int MIN_LENGTH = 3;
    private static final String MASK = "***";
    private final List<String> values;
    /** The values as given, before their encodings were added. */
    private final List<String> given;

    private Secrets(List<String> values, List<String> given) {
        this.values = values;
        this.given = given;
    }

    public static Secrets none() {
        return new Secrets(List.of(), List.of());
    }

    /**
     * @param values secret values; blank ones are ignored, longer ones are masked first. Each is masked also in the
     *               encodings in which it travels: URL-encoded (as a form or a query writes it, either case of hex
     *               digits), JSON- and HTML-escaped, and Base64 (standard and URL-safe).
     */
    public static Secrets of(java.util.Collection<String> values) {
        List<String> kept = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.length() < MIN_LENGTH) {
                continue;
            }
            for (String form : encodings(v)) {
                if (form.length() >= MIN_LENGTH && !kept.contains(form)) {
                    kept.add(form);
                }
            }
        }
        kept.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(List.copyOf(kept), values.stream().filter(v -> v != null && v.length() >= MIN_LENGTH)
                .distinct().toList());
    }

    private static Set<String> encodings(String value) {
        Set<String> forms = new java.util.LinkedHashSet<>();
        forms.add(value);
        String form = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        forms.add(form);
        forms.add(form.replace("+", "%20"));
        forms.add(lowerHex(form));
        forms.add(lowerHex(form.replace("+", "%20")));
        forms.add(JsonStrings.escape(value));
        forms.add(value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;"));
        byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        forms.add(java.util.Base64.getEncoder().encodeToString(bytes));
        forms.add(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(java.util.Base64.getEncoder().withoutPadding().encodeToString(bytes));
        return forms;
    }

    private static String lowerHex(String encoded) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(encoded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }


    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i)token|secret|passw|pwd|session|sess_?id|\\bsid\\b|auth|cookie|jwt|csrf|xsrf|api[-_.]?key|credential|"
            + "bearer|signature|private");

    /** Whether a variable, header or field name says it holds a credential (token, session, password, api-key...). */
    /** These secrets and {@code more}. */
    public Secrets with(java.util.Collection<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(given);
        all.addAll(more);
        return of(all);
    }

    public static boolean looksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).find();
    }

    public static boolean sensitiveHeader(String name) {
        return SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The text with every secret value replaced by {@code ***}. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String v : values) {
            if (masked.contains(v)) {
                masked = masked.replace(v, MASK);
            }
        }
        return masked;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "Secrets[" + values.size() + " values]";
    }
}
