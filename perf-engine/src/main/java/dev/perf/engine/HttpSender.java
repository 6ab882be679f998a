package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.RequestSpec;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.uri.Uri;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Owns the run's single AsyncHttpClient and the requests, built once up front and reused for every send.
 * Configured for measurement: no hidden retries, no redirects followed, explicit connect/read/request
 * timeouts, keep-alive on, no pool limit (admission is the drivers' job), epoll where available. Cookies are not
 * kept and bodies are not decompressed: no request asks for compression and the engine only counts body bytes.
 */
final class HttpSender implements Sender, AutoCloseable {
    private final AsyncHttpClient client;
    private final Request[] requests;
    private final RequestSpec[] specs;
    private final long[] requestBytes;
    private final MetricsRegistry registry;
    private final Clock clock;
    private final EventLoopGroup eventLoops;
    private final EventLoop pacingLoop;

    HttpSender(String baseUrl, List<RequestSpec> specs, Duration timeout, EngineOptions options,
               MetricsRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.specs = specs.toArray(RequestSpec[]::new);
        this.requests = new Request[specs.size()];
        this.requestBytes = new long[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            requests[i] = build(baseUrl, specs.get(i), timeout);
            requestBytes[i] = specs.get(i).body() == null ? 0 : specs.get(i).body().length;
        }
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

    private static Request build(String baseUrl, RequestSpec spec, Duration timeout) {
        RequestBuilder builder = new RequestBuilder(spec.method().name())
                .setUri(Uri.create(spec.url(baseUrl)))
                .setRequestTimeout(timeout);
        for (Map.Entry<String, String> param : spec.query()) {
            builder.addQueryParam(param.getKey(), param.getValue());
        }
        spec.headers().forEach(builder::setHeader);
        if (spec.body() != null) {
            builder.setBody(spec.body());
        }
        return builder.build();
    }

    /**
     * Sends request {@code index}; the outcome is recorded into {@code recorder} and {@code completion} runs once.
     */
    @Override
    public void send(int index, RequestRecorder recorder, long intendedNanos, long sentNanos, Completion completion) {
        ExchangeHandler handler = new ExchangeHandler(recorder, specs[index].expect(), registry, clock, intendedNanos,
                sentNanos, requestBytes[index], completion);
        try {
            client.executeRequest(requests[index], handler);
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
