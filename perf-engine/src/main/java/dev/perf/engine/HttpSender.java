package dev.perf.engine;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Request;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Owns the run's single AsyncHttpClient and its event loops.
 * Configured for measurement: no hidden retries, no redirects followed, explicit connect/read/request
 * timeouts, keep-alive on, no pool limit (admission is the drivers' job), epoll where available. Cookies are not
 * kept and bodies are not decompressed: no request asks for compression and the engine only counts body bytes.
 */
final class HttpSender implements AutoCloseable {
    private final AsyncHttpClient client;
    private final Clock clock;
    private final EventLoopGroup eventLoops;
    private final EventLoop pacingLoop;

    HttpSender(Duration timeout, EngineOptions options, Clock clock) {
        this.clock = clock;
        boolean nativeTransport = options.nativeTransport() && nativeTransportAvailable();
        ThreadFactory threads = new DefaultThreadFactory("perf-io", true);
        this.eventLoops = nativeTransport ? new EpollEventLoopGroup(options.ioThreads(), threads)
                : new NioEventLoopGroup(options.ioThreads(), threads);
        this.pacingLoop = eventLoops.next();
        DefaultAsyncHttpClientConfig.Builder config = new DefaultAsyncHttpClientConfig.Builder()
                .setEventLoopGroup(eventLoops)
                .setMaxRequestRetry(0)
                .setFollowRedirect(false)
                .setKeepAlive(true)
                .setConnectTimeout(timeout)
                .setReadTimeout(timeout)
                .setRequestTimeout(timeout)
                .setMaxConnections(-1)
                .setMaxConnectionsPerHost(-1)
                // no idle-connection reaper: its timer task races the client's close and logs a stack trace when it
                // loses; a run's pooled connections live as long as the run, and the server may close them
                .setPooledConnectionIdleTimeout(Duration.ZERO)
                .setTcpNoDelay(true)
                .setUserAgent("perf")
                .setUseNativeTransport(nativeTransport)
                // measured on the hot path (bench/run.sh): each of these costs CPU per request for nothing we use yet;
                // requests are built once up front, so URL encoding happens once per request name
                .setCookieStore(null)
                .setEnableAutomaticDecompression(false)
                .setKeepAliveStrategy(new ServerDecidesKeepAlive());
        this.client = new DefaultAsyncHttpClient(config.build());
    }

    static boolean nativeTransportAvailable() {
        try {
            return Epoll.isAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    boolean usesNativeTransport() {
        return client.getConfig().isUseNativeTransport();
    }

    /** Runs tasks on one of the client's event loops, so that open-model sends need no hand-off between threads. */
    Ticker ticker() {
        return (deadlineNanos, task) -> {
            long delay = deadlineNanos - clock.nanoTime();
            if (delay <= 0) {
                pacingLoop.execute(task);
            } else {
                pacingLoop.schedule(task, delay, TimeUnit.NANOSECONDS);
            }
        };
    }

    /** Sends a request; the handler hears the outcome, also when sending fails at once. */
    void execute(Request request, AsyncHandler<?> handler) {
        try {
            client.executeRequest(request, handler);
        } catch (RuntimeException e) {
            handler.onThrowable(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
