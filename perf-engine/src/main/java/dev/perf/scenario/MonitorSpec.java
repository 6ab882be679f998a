package dev.perf.scenario;

import java.time.Duration;

/**
 * What to watch while a scenario runs ({@code monitor:}). By default the machine and the load generator are
 * sampled every second, and the target process when the run started it.
 *
 * @param enabled   false: no monitoring at all
 * @param interval  between samples, at least one second (the OS's CPU counters move about once a second)
 * @param machine   sample the machine
 * @param generator sample the JVM that runs the load
 * @param target    which process is the target, or {@code null}: the one the run started, if any
 */
public record MonitorSpec(boolean enabled, Duration interval, boolean machine, boolean generator,
                          TargetSelector target) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public static MonitorSpec defaults() {
        return new MonitorSpec(true, DEFAULT_INTERVAL, true, true, null);
    }

    /** How {@code monitor.target} names the process under test. */
    public sealed interface TargetSelector permits ByPid, ByPort, ByName {
        String describe();
    }

    public record ByPid(long pid) implements TargetSelector {
        @Override
        public String describe() {
            return "pid " + pid;
        }
    }

    /** The process listening on this TCP port. */
    public record ByPort(int port) implements TargetSelector {
        @Override
        public String describe() {
            return "the process listening on port " + port;
        }
    }

    /** The one process with this name (the executable's name, such as {@code java} or {@code nginx}). */
    public record ByName(String name) implements TargetSelector {
        @Override
        public String describe() {
            return "the process named " + name;
        }
    }
}
