package dev.perf.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP server on 127.0.0.1 for tests, with a behaviour the test chooses: a fixed delay, a status code, or a
 * stall (every response held until a known moment). Counts requests so tests can prove none were sent.
 */
public final class TestServer implements AutoCloseable {
    private static final byte[] BODY = "{\"id\":1,\"name\":\"test\"}".getBytes(StandardCharsets.UTF_8);
    private final HttpServer server;
    private static final ThreadLocal<Long> QUEUED_NANOS = new ThreadLocal<>();
    private final ExecutorService workers;
    private final long shedAfterNanos;
    private final AtomicLong requests = new AtomicLong();
    private volatile String lastRequest = "";
    private volatile long delayMillis;
    private volatile int status = 200;
    private volatile long stallFromNanos = Long.MAX_VALUE;
    private volatile long stallUntilNanos = Long.MIN_VALUE;
    private volatile long stallAfterMillis = -1;
    private volatile long stallForMillis;
    private volatile boolean keepArrivals;
    private final java.util.Queue<Arrival> arrivals = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** When a request reached the server ({@link System#nanoTime()}), and its raw path and query. */
    public record Arrival(long nanos, String path) {
    }

    public TestServer() throws IOException {
        this(0, Long.MAX_VALUE);
    }

    /**
     * A server that saturates like a real service: {@code workerCount} threads, and a request that waited in the queue
     * longer than {@code shedAfterMillis} is answered 503 at once (load shedding).
     */
    public static TestServer boundedPool(int workerCount, long shedAfterMillis) throws IOException {
        return new TestServer(workerCount, shedAfterMillis);
    }

    private TestServer(int workerCount, long shedAfterMillis) throws IOException {
        // without it the JDK server's header and body writes meet delayed ACKs: +40 ms per response
        System.setProperty("sun.net.httpserver.nodelay", "true");
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "test-server");
            t.setDaemon(true);
            return t;
        };
        workers = workerCount > 0 ? Executors.newFixedThreadPool(workerCount, daemons)
                : Executors.newCachedThreadPool(daemons);
        shedAfterNanos = shedAfterMillis == Long.MAX_VALUE ? Long.MAX_VALUE : shedAfterMillis * 1_000_000;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        server.setExecutor(task -> {
            long queued = System.nanoTime();
            workers.execute(() -> {
                QUEUED_NANOS.set(queued);
                task.run();
            });
        });
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public TestServer delayMillis(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public TestServer status(int code) {
        this.status = code;
        return this;
    }

    /** Every request that arrives in [from, until) ({@link System#nanoTime()} scale) is answered at {@code until}. */
    public TestServer stall(long fromNanos, long untilNanos) {
        this.stallFromNanos = fromNanos;
        this.stallUntilNanos = untilNanos;
        return this;
    }

    /**
     * A stall like a GC pause or a lock: every request arriving from {@code afterMillis} to
     * {@code afterMillis + forMillis} after the first request is answered only when the stall ends.
     */
    public TestServer stallAfterFirstRequest(long afterMillis, long forMillis) {
        this.stallAfterMillis = afterMillis;
        this.stallForMillis = forMillis;
        return this;
    }

    /** "METHOD raw-path?raw-query content-type x-tenant body" of the latest request. */
    public String lastRequest() {
        return lastRequest;
    }

    /** Keeps every request's arrival from now on (for tests that send a bounded number). */
    public TestServer recordArrivals() {
        keepArrivals = true;
        return this;
    }

    /** The arrivals kept since {@link #recordArrivals()}, in the order they came. */
    public java.util.List<Arrival> arrivals() {
        return java.util.List.copyOf(arrivals);
    }

    public long requestCount() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (keepArrivals) {
            arrivals.add(new Arrival(System.nanoTime(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())));
        }
        if (requests.incrementAndGet() == 1 && stallAfterMillis >= 0) {
            long first = System.nanoTime();
            stall(first + stallAfterMillis * 1_000_000, first + (stallAfterMillis + stallForMillis) * 1_000_000);
        }
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        lastRequest = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())
                + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                + exchange.getRequestHeaders().getFirst("X-Tenant") + " " + body;
        long now = System.nanoTime();
        Long queued = QUEUED_NANOS.get();
        if (queued != null && now - queued > shedAfterNanos) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (now >= stallFromNanos && now < stallUntilNanos) {
            sleepNanos(stallUntilNanos - now);
        }
        if (delayMillis > 0) {
            sleepNanos(delayMillis * 1_000_000);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, BODY.length);
        exchange.getResponseBody().write(BODY);
        exchange.close();
    }

    private static void sleepNanos(long nanos) {
        long deadline = System.nanoTime() + nanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
