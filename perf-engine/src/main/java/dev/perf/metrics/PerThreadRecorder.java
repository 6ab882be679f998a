package dev.perf.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An interval recorder of values for many writer threads, as HdrHistogram's {@code Recorder} is, at a third of its
 * atomic operations: each writer thread records into a {@link SingleWriterRecorder} of its own (a plain histogram
 * behind one phaser), and a reading takes every thread's interval and adds them up. A {@code Recorder} over a
 * {@code ConcurrentHistogram} takes about six atomic operations a value, and an exchange records several values:
 * 8.5% of the closed loop's CPU samples were there (bench/README.md).
 * <p>
 * Writers: any threads (an event loop's, a test's). Reader: one thread at a time.
 */
final class PerThreadRecorder {
    private final int significantDigits;
    private final List<SingleWriterRecorder> recorders = new CopyOnWriteArrayList<>();
    private final ThreadLocal<SingleWriterRecorder> mine;
    private final Histogram scratch;

    PerThreadRecorder(int significantDigits) {
        this.significantDigits = significantDigits;
        this.scratch = new Histogram(significantDigits);
        this.mine = ThreadLocal.withInitial(() -> {
            SingleWriterRecorder recorder = new SingleWriterRecorder(significantDigits);
            recorders.add(recorder);
            return recorder;
        });
    }

    void recordValue(long value) {
        mine.get().recordValue(value);
    }

    /**
     * The values recorded since the last call, by every thread, in {@code into} (reset first; a new histogram when
     * {@code null}). Histograms auto-resize, as {@code Recorder}'s do.
     */
    Histogram getIntervalHistogram(Histogram into) {
        Histogram result = into == null ? new Histogram(significantDigits) : into;
        result.reset();
        for (SingleWriterRecorder recorder : recorders) {
            recorder.getIntervalHistogramInto(scratch);
            result.add(scratch);
        }
        return result;
    }
}
