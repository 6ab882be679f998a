package dev.perf.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One virtual user's cookies, as a browser keeps them for one site: what the target's {@code Set-Cookie} headers
 * set, sent back in a {@code Cookie} header. Cookies are kept by name (all requests go to the one target); one
 * whose {@code Max-Age} is 0 is removed. Bounded as browsers bound it (RFC 6265 section 6.1): a cookie of more than
 * {@value #MAX_COOKIE_BYTES} bytes (name and value) or with control characters is ignored, and past
 * {@value #MAX_COOKIES} cookies the one set longest ago is dropped, so a target that sets a new cookie on every response
 * cannot grow the Cookie header without limit. Storing is rare and locked; reading, on every send, is one volatile read.
 */
final class CookieJar {
    static final int MAX_COOKIES = 50;
    static final int MAX_COOKIE_BYTES = 4096;
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
            } else if (name.length() + value.length() <= MAX_COOKIE_BYTES && printable(name) && printable(value)) {
                cookies.remove(name);
                cookies.put(name, value);
                if (cookies.size() > MAX_COOKIES) {
                    cookies.remove(cookies.keySet().iterator().next());
                }
            }
        }
        StringBuilder text = new StringBuilder();
        cookies.forEach((name, value) -> text.append(text.length() == 0 ? "" : "; ").append(name).append('=')
                .append(value));
        header = text.length() == 0 ? null : text.toString();
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == ';') {
                return false;
            }
        }
        return true;
    }

    /** The Cookie header to send, or {@code null} when the user has no cookie. */
    String header() {
        return header;
    }
}
