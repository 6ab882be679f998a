package dev.perf.metrics;

import org.HdrHistogram.Histogram;

/**
 * How late the open-model pacer sent requests behind their intended times, in microseconds. A generator that
 * falls behind shows up here (and in latency, which is measured from the intended time). Single writer.
 */
public final class SendLag {
    /** A send later than this counts as late. */
    public static final long LATE_MICROS = 1000;
    private final Histogram lagMicros = new Histogram(3);
    private long late;

    public void record(long lagNanos) {
        long micros = Math.max(0, lagNanos / 1000);
        lagMicros.recordValue(micros);
        if (micros > LATE_MICROS) {
            late++;
        }
    }

    /** Sends later than {@link #LATE_MICROS}. Read after the run. */
    public long lateSends() {
        return late;
    }

    public long sends() {
        return lagMicros.getTotalCount();
    }

    public Double p99Millis() {
        return sends() == 0 ? null : lagMicros.getValueAtPercentile(99) / 1000.0;
    }

    /** Adds another stage's lateness to this one (for run totals). */
    public void add(SendLag other) {
        lagMicros.add(other.lagMicros);
        late += other.late;
    }

    /** A copy of every send's lateness, in microseconds. */
    public Histogram micros() {
        return lagMicros.copy();
    }

    /** The lateness of sends recorded elsewhere (a shard's): {@code late} of them later than {@link #LATE_MICROS}. */
    public static SendLag of(Histogram micros, long late) {
        SendLag lag = new SendLag();
        lag.lagMicros.add(micros);
        lag.late = late;
        return lag;
    }

    public Double maxMillis() {
        return sends() == 0 ? null : lagMicros.getMaxValue() / 1000.0;
    }
}
