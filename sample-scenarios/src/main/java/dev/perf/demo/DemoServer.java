package dev.perf.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A small customer API to aim the sample scenarios at, listening on 127.0.0.1 only.
 *
 * <pre>
 * POST   /customers        -> 201 {"id":..,...}, Location: /customers/{id}, Set-Cookie: DEMO_SESSION=s{id}
 * GET    /customers/{id}   -> 200 or 404
 * GET    /customers/{id}/profile -> 302 to /customers/{id}
 * PUT    /customers/{id}   -> 200 or 404
 * DELETE /customers/{id}   -> 204 or 404
 * GET    /health           -> 200
 * </pre>
 * It saturates like a real service: a fixed pool of {@code --workers} threads (default 4) each spends
 * {@code --work-ms} (default 10) per request, so it serves about 400 requests/s; a request that waited longer than
 * {@code --shed-after-ms} (default 250) in the queue is answered 503. The defaults put the knee of the sample stress
 * and scalability tests inside their ranges. Customers 1 to 100 exist from the start. A JSON body is gzipped when
 * the request accepts gzip.
 */
public final class DemoServer {
    private final Map<Long, String> customers = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ThreadLocal<Long> queuedAtNanos = new ThreadLocal<>();
    private final long workMillis;
    private final long shedAfterNanos;

    private DemoServer(long workMillis, long shedAfterMillis) {
        this.workMillis = workMillis;
        this.shedAfterNanos = shedAfterMillis * 1_000_000;
        for (int i = 0; i < 100; i++) {
            create("{\"name\":\"Seed " + (i + 1) + "\"}");
        }
    }

    public static void main(String[] args) throws IOException {
        Running running = start(intArg(args, "--port", 18080), intArg(args, "--workers", 4),
                intArg(args, "--work-ms", 10), intArg(args, "--shed-after-ms", 250));
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        System.out.println("demo customer API on http://127.0.0.1:" + running.port() + " (" + running.workers
                + " workers, " + running.demo.workMillis + " ms per request)");
    }

    /** A started demo service. */
    public static final class Running implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService pool;
        private final DemoServer demo;
        private final int workers;

        private Running(HttpServer server, ExecutorService pool, DemoServer demo, int workers) {
            this.server = server;
            this.pool = pool;
            this.demo = demo;
            this.workers = workers;
        }

        public int port() {
            return server.getAddress().getPort();
        }

        /** How many customers exist now (100 at the start). */
        public int customerCount() {
            return demo.customers.size();
        }

        @Override
        public void close() {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    /** Starts the service on 127.0.0.1 ({@code port} 0: any free port). */
    public static Running start(int port, int workers, int workMillis, int shedAfterMillis) throws IOException {
        DemoServer demo = new DemoServer(workMillis, shedAfterMillis);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "demo-worker");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(task -> {
            long queued = System.nanoTime();
            pool.execute(() -> {
                demo.queuedAtNanos.set(queued);
                task.run();
            });
        });
        server.createContext("/", demo::handle);
        server.start();
        return new Running(server, pool, demo, workers);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (System.nanoTime() - queuedAtNanos.get() > shedAfterNanos) {
                send(exchange, 503, "{\"error\":\"overloaded\"}");
                return;
            }
            work();
            route(exchange, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body);
        }
    }

    private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
        if (path.equals("/health")) {
            send(exchange, 200, "{\"status\":\"up\"}");
            return;
        }
        if (path.equals("/customers") && method.equals("POST")) {
            long id = create(body);
            exchange.getResponseHeaders().set("Location", "/customers/" + id);
            exchange.getResponseHeaders().add("Set-Cookie", "DEMO_SESSION=s" + id + "; Path=/; HttpOnly");
            send(exchange, 201, customers.get(id));
            return;
        }
        if (path.endsWith("/profile") && method.equals("GET") && idOf(path.substring(0, path.length() - 8)) != null) {
            exchange.getResponseHeaders().set("Location", path.substring(0, path.length() - 8));
            send(exchange, 302, null);
            return;
        }
        Long id = idOf(path);
        if (id == null) {
            send(exchange, 404, "{\"error\":\"no such path\"}");
            return;
        }
        switch (method) {
            case "GET" -> found(exchange, customers.get(id), 200);
            case "PUT" -> found(exchange, customers.computeIfPresent(id, (k, old) -> json(k, body)), 200);
            case "DELETE" -> found(exchange, customers.remove(id), 204);
            default -> send(exchange, 405, "{\"error\":\"method not allowed\"}");
        }
    }

    private long create(String body) {
        long id = nextId.getAndIncrement();
        customers.put(id, json(id, body));
        return id;
    }

    private static String json(long id, String body) {
        String fields = body.strip();
        boolean object = fields.startsWith("{") && fields.endsWith("}") && fields.length() > 2;
        return "{\"id\":" + id + (object ? "," + fields.substring(1) : "}");
    }

    private static Long idOf(String path) {
        if (!path.startsWith("/customers/")) {
            return null;
        }
        try {
            return Long.parseLong(path.substring("/customers/".length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void found(HttpExchange exchange, String json, int status) throws IOException {
        if (json == null) {
            send(exchange, 404, "{\"error\":\"no such customer\"}");
        } else {
            send(exchange, status, status == 204 ? null : json);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        if (accepted != null && accepted.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(bytes);
            }
            bytes = zipped.toByteArray();
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void work() {
        if (workMillis > 0) {
            try {
                Thread.sleep(workMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
