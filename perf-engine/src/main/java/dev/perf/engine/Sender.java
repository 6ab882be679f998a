package dev.perf.engine;

/**
 * Starts one item of the mix (a flow: one request, or a journey of steps); the seam between pacing and the network,
 * so drivers can be tested without one.
 */
interface Sender {

    /**
     * Starts item {@code item} in stage {@code stage}; its outcome is recorded and {@code completion} runs once, when
     * the item (every step of a flow) has ended.
     *
     * @param user          the closed model's virtual user (from 0), or -1 in the open model (each arrival is new)
     * @param intendedNanos when it should have been sent
     * @param sentNanos     when it is being sent
     */
    void send(int item, int stage, int user, long intendedNanos, long sentNanos, Completion completion);

    /** An open-model arrival of {@code item} that was not sent: too many at the target and waiting. */
    default void dropped(int item, int stage) {
    }

    /**
     * The load is ending (the plan's end, a closed stage's users retiring, an abort): items stop at the next step
     * boundary. A step in flight still completes (within its timeout); a pause in progress is cut short and the item
     * ends there, its remaining steps not sent.
     */
    default void windDown() {
    }

    /** Load starts again (the next stage after a pause): items run their whole course again. */
    default void resume() {
    }
}
