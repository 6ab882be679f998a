package dev.perf.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Picks the next request of a weighted mix. The weights become a fixed cycle interleaved by smooth weighted
 * round-robin (weights 3 and 1 give a, a, b, a, ...), so any window of the run holds the exact proportions and
 * a run is reproducible. Thread-safe: one atomic increment per pick.
 */
public final class RequestMix {
    private final int[] cycle;
    private final AtomicLong next = new AtomicLong();

    /** @param weights one per request, each at least 1; their sum after dividing by the common divisor is the cycle length */
    public RequestMix(List<Integer> weights) {
        int divisor = 0;
        for (int w : weights) {
            if (w < 1) {
                throw new IllegalArgumentException("weights must be >= 1, was " + w);
            }
            divisor = gcd(divisor, w);
        }
        int[] reduced = weights.stream().mapToInt(Integer::intValue).toArray();
        int total = 0;
        for (int i = 0; i < reduced.length; i++) {
            reduced[i] /= divisor;
            total += reduced[i];
        }
        cycle = new int[total];
        int[] current = new int[reduced.length];
        for (int slot = 0; slot < total; slot++) {
            int best = 0;
            for (int i = 0; i < reduced.length; i++) {
                current[i] += reduced[i];
                if (current[i] > current[best]) {
                    best = i;
                }
            }
            current[best] -= total;
            cycle[slot] = best;
        }
    }

    /** Index of the request to send next. */
    public int next() {
        return cycle[(int) (next.getAndIncrement() % cycle.length)];
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
