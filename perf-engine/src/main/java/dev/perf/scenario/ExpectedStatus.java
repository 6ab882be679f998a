package dev.perf.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which HTTP status codes count as success. Lookup is a table read so it costs nothing on the hot path.
 */
public final class ExpectedStatus {
    private static final int MAX_CODE = 599;
    private final boolean[] accepted = new boolean[MAX_CODE + 1];
    private final String description;

    private ExpectedStatus(int[] codes, String description) {
        for (int code : codes) {
            accepted[code] = true;
        }
        this.description = description;
    }

    private static final ExpectedStatus ANY_2XX = any2xxTable();

    /** The default: any 2xx status (one shared table: it is never changed). */
    public static ExpectedStatus any2xx() {
        return ANY_2XX;
    }

    private static ExpectedStatus any2xxTable() {
        int[] codes = new int[100];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = 200 + i;
        }
        return new ExpectedStatus(codes, "2xx");
    }

    /** Exactly these codes, each in 100..599. */
    public static ExpectedStatus of(int... codes) {
        for (int code : codes) {
            if (code < 100 || code > MAX_CODE) {
                throw new IllegalArgumentException("status code must be in 100..599, was " + code);
            }
        }
        return new ExpectedStatus(codes,
                Arrays.stream(codes).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
    }

    public boolean accepts(int statusCode) {
        return statusCode >= 0 && statusCode <= MAX_CODE && accepted[statusCode];
    }

    @Override
    public String toString() {
        return description;
    }
}
