package dev.perf.engine;

/** Lets another thread (a Ctrl-C hook, a test) stop a run early; what was gathered is kept and marked partial. */
public final class RunControl {
    private volatile boolean aborted;

    public void abort() {
        aborted = true;
    }

    public boolean aborted() {
        return aborted;
    }
}
