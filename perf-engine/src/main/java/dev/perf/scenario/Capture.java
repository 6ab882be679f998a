package dev.perf.scenario;

/**
 * Takes a value from a response into a variable of the flow iteration.
 *
 * @param variable   the name later steps use as {@code ${variable}}
 * @param source     where the value comes from
 * @param expression a JSON path ({@code $.items[0].id}), a header name, a regular expression (its first group, or
 *                   the whole match) or a cookie name
 */
public record Capture(String variable, Source source, String expression) {

    /**
     * Whether the captured value is a secret, whose value no message shows: a cookie, a sensitive header
     * ({@link Secrets#sensitiveHeader}), or a variable, header or JSON field named like a credential
     * ({@link Secrets#looksSecret}: token, session, password...).
     */
    public boolean secret() {
        return source == Source.COOKIE || (source == Source.HEADER && Secrets.sensitiveHeader(expression))
                || Secrets.looksSecret(variable) || (source != Source.REGEX && Secrets.looksSecret(expression));
    }

    public enum Source {
        JSON_PATH("json"), HEADER("header"), REGEX("regex"), COOKIE("cookie");

        private final String key;

        Source(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
