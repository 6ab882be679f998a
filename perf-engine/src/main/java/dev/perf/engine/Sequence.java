package dev.perf.engine;

import dev.perf.scenario.Shard;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's {@code ${seq}}: 1, 2, 3... For shard I of N it is I, I+N, I+2N..., as its arrivals are: the shards'
 * values never collide, and together they are the whole run's.
 */
final class Sequence {
    private final AtomicLong taken = new AtomicLong();
    private final long first;
    private final long step;

    /** @param shard this generator's part of a split load, or {@code null} for the whole */
    Sequence(Shard shard) {
        this.first = shard == null ? 1 : shard.index();
        this.step = shard == null ? 1 : shard.count();
    }

    long next() {
        return first + taken.getAndIncrement() * step;
    }
}
