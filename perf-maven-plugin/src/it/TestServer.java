import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * Target for the plugin's integration tests: answers 200 with a small JSON body on 127.0.0.1:PORT; paths under /slow
 * after DELAY_MS if given; /login sets the cookie SESSION=SESSIONVALUE7777. Run: java TestServer.java PORT [DELAY_MS]
 */
public class TestServer {
    public static void main(String[] args) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 100);
        long delayMillis = args.length > 1 ? Long.parseLong(args[1]) : 0;
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (delayMillis > 0 && exchange.getRequestURI().getPath().startsWith("/slow")) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (exchange.getRequestURI().getPath().equals("/login")) {
                exchange.getResponseHeaders().add("Set-Cookie", "SESSION=SESSIONVALUE7777; Path=/; HttpOnly");
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("test server on " + args[0]);
    }
}
