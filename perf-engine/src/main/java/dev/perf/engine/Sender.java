package dev.perf.engine;

import dev.perf.metrics.RequestRecorder;

/** Sends one request of the mix; the seam between pacing and the network, so drivers can be tested without one. */
interface Sender {

    /**
     * Sends request {@code index}; its outcome is recorded into {@code recorder} and {@code completion} runs once.
     *
     * @param intendedNanos when it should have been sent
     * @param sentNanos     when it is being sent
     */
    void send(int index, RequestRecorder recorder, long intendedNanos, long sentNanos, Completion completion);
}
