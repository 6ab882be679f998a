package dev.perf.metrics;

import dev.perf.metrics.RunMetrics;

import java.time.Instant;

/**
 * What the engine produced for one scenario.
 *
 * @param partial         the run stopped before its plan ended (Ctrl-C, or a feeder ran out)
 * @param nativeTransport whether the epoll transport was used
 * @param stopReason      why the run stopped itself early, or {@code null}
 * @param unfinished      requests (open model) or users (closed model) still waiting for a response when the wait
 *                        after the load gave up: sent but in none of the figures; 0 normally
 * @param iterationsCutShort flow iterations that the end of the load stopped at a step boundary (in a pause, with
 *                        steps left): neither successes nor failures of their flow
 */
public record LoadRun(Instant startTime, Instant endTime, boolean partial, boolean nativeTransport, RunMetrics metrics,
                      String stopReason, int unfinished, long iterationsCutShort) {

    public LoadRun(Instant startTime, Instant endTime, boolean partial, boolean nativeTransport, RunMetrics metrics,
                   String stopReason, int unfinished) {
        this(startTime, endTime, partial, nativeTransport, metrics, stopReason, unfinished, 0);
    }
}
