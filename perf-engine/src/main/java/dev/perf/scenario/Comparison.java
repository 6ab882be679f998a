package dev.perf.scenario;

/** The comparison of a threshold expression. */
public enum Comparison {
    LE("<="), GE(">="), EQ("=="), NE("!="), LT("<"), GT(">");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double actual, double limit) {
        return switch (this) {
            case LE -> actual <= limit;
            case GE -> actual >= limit;
            case EQ -> actual == limit;
            case NE -> actual != limit;
            case LT -> actual < limit;
            case GT -> actual > limit;
        };
    }

    /** Longest symbols first so that "<=" is not read as "<". */
    static Comparison fromSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException(symbol);
    }
}
