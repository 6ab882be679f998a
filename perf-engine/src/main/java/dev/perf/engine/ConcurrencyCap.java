package dev.perf.engine;

/**
 * How many open-model arrivals may be at the target at once when the generator is behind schedule: Little's law
 * (concurrency = arrival rate x time at the target) on what the run measures, with headroom.
 * <p>
 * Without it, a generator that falls behind (a cold JIT, a GC pause) finds every connection busy, because the
 * responses waiting in its sockets have not been read yet, and opens a connection for every late arrival: a storm
 * of hundreds of connects that makes it later still. With it, late arrivals beyond the cap wait, in order, for the
 * next completion. Arrivals the generator is on time for are never held (an open model sends them whatever is
 * outstanding), and waiting counts in send lag and latency, which start at the intended time.
 * <p>
 * The time at the target is measured each window of at least {@link #WINDOW_NANOS} as Little's law has it (mean
 * outstanding x window / completions), only in windows where the pacer kept up: while it is behind, the responses the
 * generator has not read yet would count as the target's time. The estimate at
 * most doubles per window, so one odd window cannot open the gates, and falls by an eighth of the difference per
 * window. Until a first window measures it, it is taken as {@link #UNMEASURED_NANOS}.
 * <p>
 * Not thread-safe: sampled by the pacing event loop only.
 */
final class ConcurrencyCap {
    /** The cap is never below this (nor above {@code max}). */
    static final int FLOOR = 16;
    /** The cap is this many times the concurrency Little's law gives, plus {@link #FLOOR}. */
    static final double HEADROOM = 2.0;
    static final long WINDOW_NANOS = 1_000_000;
    /** A window in which the pacer ran later than this measures the generator, not the target. */
    static final long BEHIND_NANOS = 1_000_000;
    /** The time at the target before any is measured: at 20 000/s, a cap of 216. */
    static final long UNMEASURED_NANOS = 5_000_000;

    private final int max;
    private double timeAtTargetNanos = UNMEASURED_NANOS;
    private int cap;
    private long windowStartNanos = Long.MIN_VALUE;
    private long completedAtWindowStart;
    private long lastSampleNanos;
    private int lastOutstanding;
    /** The integral of outstanding requests over the window, in request-nanoseconds. */
    private double outstandingNanos;
    private boolean behind;
    private long lastBehindNanos = Long.MIN_VALUE / 2;

    /** @param perSecond the stage's arrival rate at its start */
    ConcurrencyCap(int max, double perSecond) {
        this.max = max;
        this.cap = capFor(perSecond);
    }

    int cap() {
        return cap;
    }

    /**
     * Whether the generator has kept up for a whole window before {@code nowNanos}: only then is an arrival it is on
     * time for sent beyond the cap. Just after it caught up, the responses it has not read yet still hold their
     * connections, and an arrival beyond the cap would open another.
     */
    boolean keptUp(long nowNanos) {
        return nowNanos - lastBehindNanos >= WINDOW_NANOS;
    }

    /** The time at the target the cap is based on, in nanoseconds. */
    double timeAtTargetNanos() {
        return timeAtTargetNanos;
    }

    /**
     * @param outstanding requests sent and not completed, as the pacer leaves them (after its sends)
     * @param completed   requests completed since the stage began
     * @param perSecond   the arrival rate the schedule has now
     * @param lateNanos   how late the pacer runs: now minus the intended time of the arrival due first
     */
    void sample(long nowNanos, int outstanding, long completed, double perSecond, long lateNanos) {
        if (windowStartNanos == Long.MIN_VALUE) {
            startWindow(nowNanos, completed);
        }
        outstandingNanos += (double) lastOutstanding * (nowNanos - lastSampleNanos);
        lastSampleNanos = nowNanos;
        lastOutstanding = outstanding;
        if (lateNanos > BEHIND_NANOS) {
            behind = true;
            lastBehindNanos = nowNanos;
        }
        long elapsed = nowNanos - windowStartNanos;
        long completions = completed - completedAtWindowStart;
        if (behind) {
            startWindow(nowNanos, completed);
        } else if (elapsed >= WINDOW_NANOS && completions > 0) {
            double measured = outstandingNanos / completions;
            timeAtTargetNanos = measured >= timeAtTargetNanos ? Math.min(measured, 2 * timeAtTargetNanos)
                    : timeAtTargetNanos + (measured - timeAtTargetNanos) / 8;
            startWindow(nowNanos, completed);
        }
        cap = capFor(perSecond);
    }

    private int capFor(double perSecond) {
        return (int) Math.min(max, FLOOR + Math.ceil(HEADROOM * perSecond * timeAtTargetNanos / 1e9));
    }

    private void startWindow(long nowNanos, long completed) {
        windowStartNanos = nowNanos;
        completedAtWindowStart = completed;
        outstandingNanos = 0;
        behind = false;
    }
}
