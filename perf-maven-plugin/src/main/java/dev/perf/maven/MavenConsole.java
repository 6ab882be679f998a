package dev.perf.maven;

import dev.perf.run.Console;
import dev.perf.scenario.Printable;
import org.apache.maven.plugin.logging.Log;

/** The runner's console on Maven's log: nothing a target sent can reach the terminal as a control sequence. */
final class MavenConsole implements Console {
    private final Log log;

    MavenConsole(Log log) {
        this.log = log;
    }

    @Override
    public void info(String line) {
        log.info(Printable.escapeKeepingLines(line));
    }

    @Override
    public void warn(String line) {
        log.warn(Printable.escapeKeepingLines(line));
    }
}
