package dev.perf.scenario;

/** Whose resources a figure describes. */
public enum Scope {
    MACHINE("machine", ""),
    GENERATOR("generator", "generator."),
    TARGET("target", "target.");

    private final String key;
    private final String prefix;

    Scope(String key, String prefix) {
        this.key = key;
        this.prefix = prefix;
    }

    /** The JSON key: {@code machine}, {@code generator}, {@code target}. */
    public String key() {
        return key;
    }

    /** How thresholds name it: nothing for the machine, {@code generator.}, {@code target.}. */
    public String prefix() {
        return prefix;
    }
}
