package dev.perf.run;

/** Where the runner talks to the user; the Maven plugin maps it onto Maven's log. */
public interface Console {

    void info(String line);

    void warn(String line);

    /** Writes to standard output and standard error. */
    Console SYSTEM = new Console() {
        @Override
        public void info(String line) {
            System.out.println(dev.perf.scenario.Printable.escapeKeepingLines(line));
        }

        @Override
        public void warn(String line) {
            System.err.println("WARNING: " + dev.perf.scenario.Printable.escapeKeepingLines(line));
        }
    };
}
