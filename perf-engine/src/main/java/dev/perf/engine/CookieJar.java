package dev.perf.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One virtual user's cookies, as a browser keeps them for one site: what the target's {@code Set-Cookie} headers
 * set, sent back in a {@code Cookie} header. Cookies are kept by name (all requests go to the one target); one
 * whose {@code Max-Age} is 0 is removed. Storing is rare and locked; reading, on every send, is one volatile read.
 */
final class CookieJar {
    private final Map<String, String> cookies = new LinkedHashMap<>();
    /** What {@link #header()} returns: read on every send without a lock, rebuilt when the cookies change. */
    private volatile String header;

    synchronized void store(Iterable<String> setCookies) {
        for (String setCookie : setCookies) {
            int eq = setCookie.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            int end = setCookie.indexOf(';', eq);
            String name = setCookie.substring(0, eq).trim();
            String value = setCookie.substring(eq + 1, end < 0 ? setCookie.length() : end).trim();
            String attributes = end < 0 ? "" : setCookie.substring(end).toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            if (attributes.contains(";max-age=0") || attributes.contains(";max-age=-")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        StringBuilder text = new StringBuilder();
        cookies.forEach((name, value) -> text.append(text.length() == 0 ? "" : "; ").append(name).append('=')
                .append(value));
        header = text.length() == 0 ? null : text.toString();
    }

    /** The Cookie header to send, or {@code null} when the user has no cookie. */
    String header() {
        return header;
    }
}
