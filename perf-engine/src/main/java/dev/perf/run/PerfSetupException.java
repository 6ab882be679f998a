package dev.perf.run;

/** The run cannot start as configured (no scenario files, a filter that matches nothing, a bad override...). */
public final class PerfSetupException extends RuntimeException {

    public PerfSetupException(String message) {
        super(message);
    }

    public PerfSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
