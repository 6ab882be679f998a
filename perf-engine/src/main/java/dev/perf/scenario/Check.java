package dev.perf.scenario;

import java.time.Duration;

/**
 * A check on a response beyond its status. A failed check fails the request (counted under its name and as a
 * {@code check} error), unless it is informational: then it is only counted.
 *
 * @param name      how it is counted and shown: written by the user, or derived ({@code header Content-Type})
 * @param kind      what is checked
 * @param subject   a header name or a JSON path; {@code null} for body and time checks
 * @param expected  the value to equal or contain, a regular expression for {@code BODY_MATCHES}; {@code null}
 *                  for presence checks
 * @param maxTime   for {@code RESPONSE_TIME}: the bound
 * @param fails     whether a failure fails the request
 */
public record Check(String name, Kind kind, String subject, String expected, Duration maxTime, boolean fails) {

    public enum Kind { HEADER_PRESENT, HEADER_EQUALS, BODY_CONTAINS, BODY_MATCHES, JSON_PATH_EXISTS, JSON_PATH_EQUALS,
        RESPONSE_TIME }

    /**
     * The most of a body that regex and JSON checks and captures read; a {@code contains} check reads all of it. A
     * check that did not find what it looks for in a longer body is not judged.
     */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** Whether the check reads at most {@link #MAX_BODY_BYTES} of the body, and so may be unable to judge. */
    public boolean readsPartOfLongBodies() {
        return kind == Kind.BODY_MATCHES || kind == Kind.JSON_PATH_EXISTS || kind == Kind.JSON_PATH_EQUALS;
    }

    /** Whether checking needs the response body. */
    public boolean needsBody() {
        return kind == Kind.BODY_CONTAINS || kind == Kind.BODY_MATCHES || kind == Kind.JSON_PATH_EXISTS
                || kind == Kind.JSON_PATH_EQUALS;
    }
}
