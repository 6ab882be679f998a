package dev.perf.scenario;

import java.util.Locale;

/** What a stepped plan steps: the arrival rate (open model) or the number of users (closed model). */
public enum LoadKind {
    /** Arrivals per second. */
    RATE("rate", "/s"),
    /** Concurrent virtual users. */
    USERS("concurrency", " users");

    private final String key;
    private final String suffix;

    LoadKind(String key, String suffix) {
        this.key = key;
        this.suffix = suffix;
    }

    /** The {@code load:} key that selects it. */
    public String key() {
        return key;
    }

    /** {@code 150/s} or {@code 50 users}. */
    public String format(double load) {
        String number = load == Math.rint(load) ? Long.toString((long) load) : String.format(Locale.ROOT, "%.2f", load);
        return number + (this == USERS && load == 1 ? " user" : suffix);
    }

    /** The unit for JSON: {@code "requests/s"} or {@code "users"}. */
    public String unit() {
        return this == RATE ? "requests/s" : "users";
    }
}
