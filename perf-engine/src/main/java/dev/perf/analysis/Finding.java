package dev.perf.analysis;

/**
 * One conclusion of the scalability analysis, such as the breakpoint.
 *
 * @param status what was found
 * @param level  the level it points at (1-based), {@code null} unless found
 * @param load   that level's load, {@code null} unless found
 * @param value  the figure a threshold compares: the load, or a throughput; {@code null} unless found
 * @param text   for people: what was found and why, or why not
 */
public record Finding(Status status, Integer level, Double load, Double value, String text) {

    public enum Status {
        FOUND,
        /** Looked for and not there within the levels run (a breakpoint above the highest level). */
        NOT_REACHED,
        /** Cannot be computed from this run (too few levels, no responses). */
        NOT_COMPUTABLE
    }

    static Finding found(int level, double load, double value, String text) {
        return new Finding(Status.FOUND, level, load, value, text);
    }

    static Finding notReached(String text) {
        return new Finding(Status.NOT_REACHED, null, null, null, text);
    }

    static Finding notComputable(String text) {
        return new Finding(Status.NOT_COMPUTABLE, null, null, null, text);
    }

    /** As a threshold compares it: not reached is above every level (+infinity); not computable is no value. */
    Double comparable() {
        return switch (status) {
            case FOUND -> value;
            case NOT_REACHED -> Double.POSITIVE_INFINITY;
            case NOT_COMPUTABLE -> null;
        };
    }
}
