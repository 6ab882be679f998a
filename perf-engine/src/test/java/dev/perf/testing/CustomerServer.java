package dev.perf.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small customer API on 127.0.0.1 for flow tests, recording every request it serves ("POST /customers",
 * "GET /customers/7"): POST /customers answers 201 with {"id":N,...}, a Location header and a session cookie;
 * GET and DELETE /customers/{id} answer 200 / 204, or 404 for an unknown id.
 */
public final class CustomerServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<Long, String> customers = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> cookies = new CopyOnWriteArrayList<>();

    public CustomerServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "customer-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** "METHOD path" of every request, in arrival order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** "METHOD path Cookie-header" of every request ("null" without cookies), in arrival order. */
    public List<String> cookies() {
        return List.copyOf(cookies);
    }

    /** The Authorization header of every request ("null" without one), in arrival order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** "Content-Type body" of every request, in arrival order. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            seen.add(method + " " + path);
            bodies.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            cookies.add(method + " " + path + " " + exchange.getRequestHeaders().getFirst("Cookie"));
            if (path.equals("/customers") && method.equals("POST")) {
                long id = nextId.getAndIncrement();
                String fields = body.strip();
                String json = "{\"id\":" + id + (fields.startsWith("{") && fields.length() > 2 ? "," + fields.substring(1)
                        : "}");
                customers.put(id, json);
                exchange.getResponseHeaders().set("Location", "/customers/" + id);
                exchange.getResponseHeaders().add("Set-Cookie", "SESSION=s" + id + "; Path=/; HttpOnly");
                send(exchange, 201, json);
                return;
            }
            Long id = path.startsWith("/customers/") ? parse(path.substring("/customers/".length())) : null;
            String customer = id == null ? null : customers.get(id);
            if (customer == null) {
                send(exchange, 404, "{\"error\":\"no such customer\"}");
            } else if (method.equals("DELETE")) {
                customers.remove(id);
                exchange.sendResponseHeaders(204, -1);
            } else {
                send(exchange, 200, customer);
            }
        }
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
