package dev.perf.report;

import java.util.regex.Pattern;

/** Removes secrets from text that reaches the console or result files. */
public final class Redact {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

    private Redact() {
    }

    /** {@code https://user:secret@host/x} becomes {@code https://***@host/x}. */
    public static String url(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1***@");
    }
}
