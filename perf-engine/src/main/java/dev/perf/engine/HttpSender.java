package dev.perf.engine;

import dev.perf.scenario.HttpOptions;
import dev.perf.scenario.HttpVersion;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClient;
import org.asynchttpclient.DefaultAsyncHttpClientConfig;
import org.asynchttpclient.Request;
import org.asynchttpclient.proxy.ProxyServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.TrustManagerFactory;

/**
 * Owns the run's single AsyncHttpClient and its event loops.
 * Configured for measurement, as the scenario's {@code defaults:} say: no hidden retries; redirects followed and
 * compression asked for only when the scenario says so; explicit connect/read/request timeouts; keep-alive on unless
 * turned off; no pool limit unless {@code maxConnections} (admission is the drivers' job); an HTTP proxy and a trust
 * store when given; epoll where available. Cookies are kept per virtual user by the engine ({@link CookieJar}), not
 * in the client's one shared store.
 */
final class HttpSender implements AutoCloseable {
    private final AsyncHttpClient client;
    /** A client per HTTP version that requests ask for besides the scenario's; fixed once built. */
    private final Map<HttpVersion, AsyncHttpClient> byVersion = new EnumMap<>(HttpVersion.class);
    private final Clock clock;
    private final EventLoopGroup eventLoops;
    private final EventLoop pacingLoop;

    /** The scenario's HTTP version for every request. */
    HttpSender(HttpOptions http, EngineOptions options, Clock clock) {
        this(http, options, clock, Set.of());
    }

    /**
     * @param versions the HTTP versions requests ask for ({@code http.version} of a request), besides the scenario's:
     *                 each gets a client of its own (connections are not shared across them), on the same event loops
     * @throws IllegalArgumentException when the trust store cannot be read (wrong password, not a key store)
     */
    HttpSender(HttpOptions http, EngineOptions options, Clock clock, Set<HttpVersion> versions) {
        HttpClientLogging.quiet();
        this.clock = clock;
        boolean nativeTransport = options.nativeTransport() && nativeTransportAvailable();
        ThreadFactory threads = new DefaultThreadFactory("perf-io", true);
        this.eventLoops = nativeTransport ? new EpollEventLoopGroup(options.ioThreads(), threads)
                : new NioEventLoopGroup(options.ioThreads(), threads);
        this.pacingLoop = eventLoops.next();
        DefaultAsyncHttpClientConfig.Builder config = new DefaultAsyncHttpClientConfig.Builder()
                .setEventLoopGroup(eventLoops)
                .setMaxRequestRetry(0)
                .setFollowRedirect(http.maxRedirects() > 0)
                .setMaxRedirects(Math.max(1, http.maxRedirects()))
                .setKeepAlive(http.keepAlive())
                .setConnectTimeout(http.connectTimeout())
                .setReadTimeout(http.readTimeout())
                .setRequestTimeout(http.requestTimeout())
                .setMaxConnections(http.maxConnections() > 0 ? http.maxConnections() : -1)
                .setMaxConnectionsPerHost(http.maxConnections() > 0 ? http.maxConnections() : -1)
                // with a pool limit, a send that finds no free connection fails at once ("Too many connections"):
                // AsyncHttpClient's wait for a free one blocks the calling thread, an event loop here, and deadlocks
                // no idle-connection reaper: its timer task races the client's close and logs a stack trace when it
                // loses; a run's pooled connections live as long as the run, and the server may close them
                .setPooledConnectionIdleTimeout(Duration.ZERO)
                .setTcpNoDelay(true)
                .setUserAgent("perf")
                .setUseNativeTransport(nativeTransport)
                // measured on the hot path (bench/run.sh): each of these costs CPU per request; cookies are kept per
                // virtual user by the engine (CookieJar), not in one store shared by every user
                .setCookieStore(null)
                .setCompressionEnforced(http.compression())
                .setEnableAutomaticDecompression(http.compression())
                .setKeepAliveStrategy(new ServerDecidesKeepAlive());
        if (http.proxy() != null) {
            config.setProxyServer(new ProxyServer.Builder(http.proxy().host(), http.proxy().port()));
        }
        if (http.tls().insecure()) {
            config.setUseInsecureTrustManager(true);
        } else if (http.tls().trustStore() != null) {
            config.setSslContext(trusting(http.tls()));
        }
        this.client = client(config, http.version());
        for (HttpVersion version : versions) {
            if (version != http.version()) {
                byVersion.put(version, client(config, version));
            }
        }
    }

    /** A client speaking {@code version}: HTTP/1.1 unless asked (3.0.14 would negotiate HTTP/2 over TLS by default). */
    private static AsyncHttpClient client(DefaultAsyncHttpClientConfig.Builder config, HttpVersion version) {
        return new DefaultAsyncHttpClient(config.setHttp2Enabled(version != HttpVersion.HTTP_1_1)
                .setHttp2CleartextEnabled(version == HttpVersion.HTTP_2).build());
    }

    /** A client TLS context that trusts the certificates of a trust store (PKCS12 or JKS). */
    private static SslContext trusting(HttpOptions.Tls tls) {
        char[] password = tls.password() == null ? null : tls.password().toCharArray();
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            KeyStore store = KeyStore.getInstance(tls.trustStore().toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return SslContextBuilder.forClient().trustManager(trust).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the trust store " + tls.trustStore() + " cannot be used: "
                    + e.getMessage(), e);
        }
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

    /** The client's event loops, for the in-process server of the warm-up. */
    EventLoopGroup eventLoops() {
        return eventLoops;
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
        execute(null, request, handler);
    }

    /**
     * Sends a request over {@code version} ({@code null}: the scenario's); the handler hears the outcome, also when
     * sending fails at once.
     */
    void execute(HttpVersion version, Request request, AsyncHandler<?> handler) {
        AsyncHttpClient other = version == null ? null : byVersion.get(version);
        try {
            (other == null ? client : other).executeRequest(request, handler);
        } catch (RuntimeException e) {
            handler.onThrowable(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            for (AsyncHttpClient other : byVersion.values()) {
                other.close();
            }
            client.close();
        } finally {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
