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
 */
public record EngineOptions(int ioThreads, boolean nativeTransport, Path hlogFile, long sampleIntervalMillis,
                            long drainTimeoutMillis, Instant startAt, int debugExchanges) {

    public EngineOptions(int ioThreads, boolean nativeTransport, Path hlogFile, long sampleIntervalMillis,
                         long drainTimeoutMillis, Instant startAt) {
        this(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis, startAt, 0);
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), true, null, 1000, 2000,
                null);
    }

    public EngineOptions withDebugExchanges(int exchanges) {
        return new EngineOptions(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis,
                startAt, exchanges);
    }

    public EngineOptions withHlogFile(Path file) {
        return new EngineOptions(ioThreads, nativeTransport, file, sampleIntervalMillis, drainTimeoutMillis, startAt,
                debugExchanges);
    }

    public EngineOptions withIoThreads(int threads) {
        return new EngineOptions(threads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis, startAt,
                debugExchanges);
    }

    public EngineOptions withStartAt(Instant instant) {
        return new EngineOptions(ioThreads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis,
                instant, debugExchanges);
    }
}
