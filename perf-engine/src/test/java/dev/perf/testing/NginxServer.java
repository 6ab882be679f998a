package dev.perf.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx for tests, started with its own configuration in a temp folder on free loopback ports: one port
 * speaking cleartext HTTP/2 by prior knowledge (h2c), one TLS port offering HTTP/2 and HTTP/1.1 by ALPN with a
 * certificate made for the test, each answering a small JSON body. Its access log says which protocol each request
 * came over ({@code $server_protocol}). Without nginx (or openssl) the test is skipped with a message; under CI
 * ({@code CI=true}) it fails instead.
 */
public final class NginxServer implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private final Process process;
    private final Path dir;
    private final int h2cPort;
    private final int tlsPort;

    private NginxServer(Process process, Path dir, int h2cPort, int tlsPort) {
        this.process = process;
        this.dir = dir;
        this.h2cPort = h2cPort;
        this.tlsPort = tlsPort;
    }

    /** Starts nginx in {@code dir}; skips the test (fails it under CI) without nginx. */
    public static NginxServer start(Path dir) throws Exception {
        if (!Files.isExecutable(NGINX)) {
            String why = "nginx is not installed (apt-get install nginx-light): the HTTP/2 tests need it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; under CI they must run");
            }
            Assumptions.abort(why);
        }
        Files.createDirectories(dir.resolve("tmp"));
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost");
        int h2c = freePort();
        int tls = freePort();
        Files.writeString(dir.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                error_log stderr warn;
                pid nginx.pid;
                events { worker_connections 1024; }
                http {
                    log_format protocol '$server_protocol $request_method $request_uri $status';
                    access_log %s protocol;
                    client_body_temp_path tmp;
                    proxy_temp_path tmp;
                    fastcgi_temp_path tmp;
                    uwsgi_temp_path tmp;
                    scgi_temp_path tmp;
                    server {
                        listen 127.0.0.1:%d http2;
                        location / { default_type application/json; return 200 '{"ok":true}'; }
                    }
                    server {
                        listen 127.0.0.1:%d ssl http2;
                        ssl_certificate %s;
                        ssl_certificate_key %s;
                        location / { default_type application/json; return 200 '{"ok":true}'; }
                    }
                }
                """.formatted(dir.resolve("access.log"), h2c, tls, dir.resolve("cert.pem"), dir.resolve("key.pem")));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", "nginx.conf")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        NginxServer server = new NginxServer(process, dir, h2c, tls);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(listening(h2c) && listening(tls))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
            }
            Thread.sleep(50);
        }
        return server;
    }

    /** The cleartext port: HTTP/2 by prior knowledge only. */
    public int h2cPort() {
        return h2cPort;
    }

    /** The TLS port: HTTP/2 or HTTP/1.1 by ALPN, with a self-signed certificate. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The access log's lines: "HTTP/2.0 GET /path 200" per request. */
    public List<String> accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            String why = command[0] + " is not installed: the HTTP/2 tests need it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(why + "; under CI they must run", e);
            }
            Assumptions.abort(why);
            return;
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
