package dev.perf.engine;

/** Called once when an exchange ends, successfully or not, on whichever thread ended it. */
@FunctionalInterface
interface Completion {
    void completed();
}
