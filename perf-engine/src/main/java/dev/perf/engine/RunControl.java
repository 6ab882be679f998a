package dev.perf.engine;

/**
 * Lets another thread (a Ctrl-C hook, a test) or the run itself (a feeder that ran out) stop a run early; what was
 * gathered is kept and marked partial. A run's own control is a child of the invocation's: stopping the run stops
 * only it, aborting the invocation stops every run.
 */
public final class RunControl {
    private final RunControl parent;
    private volatile boolean aborted;
    private volatile String reason;

    public RunControl() {
        this(null);
    }

    private RunControl(RunControl parent) {
        this.parent = parent;
    }

    /** A control for one run under this one. */
    public RunControl child() {
        return new RunControl(this);
    }

    public void abort() {
        aborted = true;
    }

    /** Stops this run, saying why; the first reason given is kept. */
    public synchronized void stop(String why) {
        if (reason == null) {
            reason = why;
        }
        aborted = true;
    }

    public boolean aborted() {
        return aborted || (parent != null && parent.aborted());
    }

    /** Why the run stopped itself, or {@code null} (not stopped, or stopped from outside). */
    public String reason() {
        return reason;
    }
}
