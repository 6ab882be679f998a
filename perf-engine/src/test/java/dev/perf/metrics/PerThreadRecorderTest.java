package dev.perf.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** Values from many threads, read in intervals while they record: none lost, none counted twice. */
@Timeout(60)
class PerThreadRecorderTest {

    @Test
    void everyValueOfEveryThreadIsInExactlyOneInterval() throws Exception {
        PerThreadRecorder recorder = new PerThreadRecorder(3);
        int threads = 4;
        int perThread = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 1_000_000;
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 1; i <= perThread; i++) {
                    recorder.recordValue(offset + i % 1000);
                }
            });
            writer.start();
            writers.add(writer);
        }
        Histogram total = new Histogram(3);
        Histogram interval = null;
        start.countDown();
        boolean writing = true;
        while (writing) {
            writing = writers.stream().anyMatch(Thread::isAlive);
            interval = recorder.getIntervalHistogram(interval);
            total.add(interval);
        }
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);

        assertThat(total.getTotalCount()).isEqualTo((long) threads * perThread);
        for (int t = 0; t < threads; t++) {
            long from = t * 1_000_000L;
            assertThat(total.getCountBetweenValues(from, from + 999)).as("thread %d", t).isEqualTo(perThread);
        }
        assertThat(recorder.getIntervalHistogram(interval).getTotalCount()).as("read once only").isZero();
    }
}
