package dev.perf.engine;

import dev.perf.metrics.RunMetrics;

import java.time.Instant;

/**
 * What the engine produced for one scenario.
 *
 * @param partial         the run was aborted (Ctrl-C) before its plan ended
 * @param nativeTransport whether the epoll transport was used
 */
public record LoadRun(Instant startTime, Instant endTime, boolean partial, boolean nativeTransport, RunMetrics metrics) {
}
