package dev.perf.engine;

import java.nio.file.Path;
import java.time.Instant;

/**
 * How the engine runs, as opposed to what it sends (the scenario).
 *
 * @param ioThreads            Netty event-loop threads of the HTTP client
 * @param nativeTransport      use epoll where available (falls back to NIO elsewhere)
 * @param hlogFile             HdrHistogram interval log to write, or {@code null}
 * @param sampleIntervalMillis interval of time-series points and log entries
 * @param drainTimeoutMillis   how long to wait for requests still in flight when load ends, beyond the request timeout
 * @param startAt              when the load starts (the shards of one run start together), or {@code null} for as
 *                             soon as the client is ready; the wait comes after everything is set up, so that the
 *                             schedules of generators started at once line up to within their clocks' skew
 * @param debugExchanges       how many of the first exchanges to print in full, secrets masked ({@code perf.debug})
 * @param warmup               whether the engine warms its own code up before the load ({@link Warmup})
 * @param warmupLimit          the longest a warm-up takes
 */
public record EngineOptions(int ioThreads, boolean nativeTransport, Path hlogFile, long sampleIntervalMillis,
                            long drainTimeoutMillis, Instant startAt, int debugExchanges, Warmup warmup,
                            java.time.Duration warmupLimit) {

    /**
     * When the engine warms up: exchanges with a server inside the generator until the JIT compiler is quiet (at most
     * {@link #WARMUP_LIMIT}), so that compiling the hot path does not take the CPU from the first seconds of the load.
     */
    public enum Warmup {
        /** Before an open-model load of {@link #AUTO_RATE_PER_SECOND} arrivals a second or more, where lateness costs. */
        AUTO,
        ALWAYS,
        NEVER
    }

    /** The rate from which {@link Warmup#AUTO} warms up: below it, a cold engine keeps up. */
    public static final double AUTO_RATE_PER_SECOND = 1000;
    /** The longest a warm-up takes by default. */
    public static final java.time.Duration WARMUP_LIMIT = java.time.Duration.ofSeconds(15);

    public EngineOptions(int ioThreads, boolean nativeTransport, Path hlogFile, long sampleIntervalMillis,
                         long drainTimeoutMillis, Instant startAt, int debugExchanges) {
        this(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis, startAt, debugExchanges,
                Warmup.AUTO, WARMUP_LIMIT);
    }

    public EngineOptions(int ioThreads, boolean nativeTransport, Path hlogFile, long sampleIntervalMillis,
                         long drainTimeoutMillis, Instant startAt) {
        this(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis, startAt, 0);
    }

    public EngineOptions withWarmup(Warmup when) {
        return withWarmup(when, warmupLimit);
    }

    /** @param limit the longest the warm-up may take */
    public EngineOptions withWarmup(Warmup when, java.time.Duration limit) {
        return new EngineOptions(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis,
                startAt, debugExchanges, when, limit);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), true, null, 1000, 2000,
                null);
    }

    public EngineOptions withDebugExchanges(int exchanges) {
        return new EngineOptions(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis,
                startAt, exchanges, warmup, warmupLimit);
    }

    public EngineOptions withHlogFile(Path file) {
        return new EngineOptions(ioThreads, nativeTransport, file, sampleIntervalMillis, drainTimeoutMillis, startAt,
                debugExchanges, warmup, warmupLimit);
    }

    public EngineOptions withIoThreads(int threads) {
        return new EngineOptions(threads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis, startAt,
                debugExchanges, warmup, warmupLimit);
    }

    public EngineOptions withStartAt(Instant instant) {
        return new EngineOptions(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis,
                instant, debugExchanges, warmup, warmupLimit);
    }
}
