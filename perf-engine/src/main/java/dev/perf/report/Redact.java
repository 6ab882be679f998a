package dev.perf.report;

/** Removes secrets from text that reaches the console or result files. */
public final class Redact {

    private Redact() {
    }

    /** {@code https://user:secret@host/x} becomes {@code https://***@host/x}. */
    public static String url(String url) {
        return dev.perf.scenario.HttpUrls.withoutCredentials(url);
    }
}
