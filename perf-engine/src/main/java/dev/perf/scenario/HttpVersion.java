package dev.perf.scenario;

import java.util.Locale;

/** Which HTTP the client speaks ({@code defaults.http.version}). */
public enum HttpVersion {
    /** HTTP/1.1 only (the default, as before HTTP/2 was supported). */
    HTTP_1_1("1.1"),
    /** HTTP/2: offered by ALPN over TLS, and by prior knowledge (h2c) on cleartext connections. */
    HTTP_2("2"),
    /** HTTP/2 where a TLS server offers it by ALPN, else HTTP/1.1; cleartext stays HTTP/1.1. */
    AUTO("auto");

    private final String key;

    HttpVersion(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The version written as {@code 1.1}, {@code 2} (also {@code 2.0}) or {@code auto}, or {@code null}. */
    public static HttpVersion parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "1.1" -> HTTP_1_1;
            case "2", "2.0" -> HTTP_2;
            case "auto" -> AUTO;
            default -> null;
        };
    }
}
