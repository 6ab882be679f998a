package dev.perf.engine;

import java.nio.file.Path;

/**
 * How the engine runs, as opposed to what it sends (the scenario).
 *
 * @param ioThreads            Netty event-loop threads of the HTTP client
 * @param nativeTransport      use epoll where available (falls back to NIO elsewhere)
 * @param hlogFile             HdrHistogram interval log to write, or {@code null}
 * @param sampleIntervalMillis interval of time-series points and log entries
 * @param drainTimeoutMillis   how long to wait for requests still in flight when load ends, beyond the request timeout
 */
public record EngineOptions(int ioThreads, boolean nativeTransport, Path hlogFile, long sampleIntervalMillis,
                            long drainTimeoutMillis) {

    public static EngineOptions defaults() {
        return new EngineOptions(Math.max(1, Runtime.getRuntime().availableProcessors()), true, null, 1000, 2000);
    }

    public EngineOptions withHlogFile(Path file) {
        return new EngineOptions(ioThreads, nativeTransport, file, sampleIntervalMillis, drainTimeoutMillis);
    }

    public EngineOptions withIoThreads(int threads) {
        return new EngineOptions(threads, nativeTransport, hlogFile, sampleIntervalMillis, drainTimeoutMillis);
    }
}
