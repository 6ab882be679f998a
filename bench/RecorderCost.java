package dev.perf.metrics;

import org.HdrHistogram.Recorder;

/**
 * ns per recorded value: HdrHistogram's Recorder against PerThreadRecorder, single writer, warm, best of 7.
 * In the metrics package (PerThreadRecorder is package-private), so compile it next to the engine's classes:
 * <pre>
 * cp="$(cat bench/out/classpath.txt):perf-engine/target/classes"
 * javac -d bench/out/recorder-cost -cp "$cp" bench/RecorderCost.java
 * taskset -c 0 java -cp "bench/out/recorder-cost:$cp" dev.perf.metrics.RecorderCost
 * </pre>
 */
public class RecorderCost {
    public static void main(String[] args) {
        int n = 5_000_000;
        Recorder recorder = new Recorder(3);
        PerThreadRecorder perThread = new PerThreadRecorder(3);
        double bestRecorder = Double.MAX_VALUE;
        double bestPerThread = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                recorder.recordValue(50 + (i & 1023));
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                perThread.recordValue(50 + (i & 1023));
            }
            long t2 = System.nanoTime();
            recorder.getIntervalHistogram();
            perThread.getIntervalHistogram(null);
            bestRecorder = Math.min(bestRecorder, (t1 - t0) / (double) n);
            bestPerThread = Math.min(bestPerThread, (t2 - t1) / (double) n);
        }
        System.out.printf("Recorder: %.1f ns per value; PerThreadRecorder: %.1f ns per value%n", bestRecorder,
                bestPerThread);
    }
}
