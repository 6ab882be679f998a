package dev.perf.testing;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.SequenceInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP/1.1 server on 127.0.0.1 whose delays are known, one per phase of an exchange, so that tests can check which
 * phase a delay shows in. Keep-alive, {@code Content-Length} bodies. Paths:
 * <ul>
 *   <li>{@code /fast}: answers at once;</li>
 *   <li>{@code /slow-first-byte}: waits {@code delayMillis}, then answers;</li>
 *   <li>{@code /slow-body}: sends the status, headers and half the body, waits {@code delayMillis}, sends the rest.</li>
 * </ul>
 * It can also wait {@code acceptDelayMillis} once a new connection's first bytes arrived before reading it (as a
 * server that accepts late), and (with TLS) {@code handshakeDelayMillis} before answering the ClientHello.
 */
public final class PhaseServer implements AutoCloseable {
    private final ServerSocket server;
    private final SSLContext tls;
    private final long delayMillis;
    private final long acceptDelayMillis;
    private final long handshakeDelayMillis;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "phase-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    private PhaseServer(ServerSocket server, SSLContext tls, long delayMillis, long acceptDelayMillis,
                        long handshakeDelayMillis) {
        this(server, tls, delayMillis, acceptDelayMillis, handshakeDelayMillis, () -> { });
    }

    private PhaseServer(ServerSocket server, SSLContext tls, long delayMillis, long acceptDelayMillis,
                        long handshakeDelayMillis, Runnable beforeAccepting) {
        this.server = server;
        this.tls = tls;
        this.delayMillis = delayMillis;
        this.acceptDelayMillis = acceptDelayMillis;
        this.handshakeDelayMillis = handshakeDelayMillis;
        threads.execute(() -> {
            beforeAccepting.run();
            acceptLoop();
        });
    }

    /**
     * A server whose listen backlog is full when the client first connects, as a server too slow to accept under a
     * burst of new connections: Linux drops the client's SYN, and the client sends it again after its initial
     * retransmission timeout of one second, so that connect takes about a second. Two connections it does not accept
     * fill its backlog of one; it starts accepting once the kernel counts a dropped SYN
     * ({@code TcpExt ListenDrops} in {@code /proc/net/netstat}), or after {@code maxHoldMillis}.
     */
    public static PhaseServer fullBacklog(long maxHoldMillis) throws IOException {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        List<Socket> fillers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(socket.getLocalSocketAddress(), 300);
                fillers.add(filler);
            } catch (java.net.SocketTimeoutException full) {
                filler.close();
                break;
            }
        }
        long dropsBefore = listenDrops();
        return new PhaseServer(socket, null, 0, 0, 0, () -> {
            long deadline = System.nanoTime() + maxHoldMillis * 1_000_000;
            while (listenDrops() <= dropsBefore && System.nanoTime() < deadline) {
                sleep(10);
            }
            for (Socket filler : fillers) {
                try {
                    filler.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        });
    }

    /** SYNs the kernel dropped at full listen queues, in this network namespace. */
    static long listenDrops() {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("TcpExt:") && lines.get(i + 1).startsWith("TcpExt:")) {
                    List<String> keys = List.of(lines.get(i).split("\\s+"));
                    return Long.parseLong(lines.get(i + 1).split("\\s+")[keys.indexOf("ListenDrops")]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the hold ends at its limit
        }
        return -1;
    }

    /** Plain HTTP. */
    public static PhaseServer plain(long delayMillis, long acceptDelayMillis) throws IOException {
        return new PhaseServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null, delayMillis,
                acceptDelayMillis, 0);
    }

    /** HTTPS with {@code context}'s key ({@link HttpsTestServer#tls()}), each handshake held back. */
    public static PhaseServer tls(SSLContext context, long delayMillis, long handshakeDelayMillis) throws IOException {
        return new PhaseServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), context, delayMillis, 0,
                handshakeDelayMillis);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            // the delays count from the client's first bytes (its request, or its TLS ClientHello), so that they are
            // the client's to measure whatever the client did before sending
            int first = connection.getInputStream().read();
            if (first < 0) {
                return;
            }
            byte[] consumed = {(byte) first};
            Socket socket = connection;
            InputStream in = new SequenceInputStream(new ByteArrayInputStream(consumed), connection.getInputStream());
            if (tls != null) {
                sleep(handshakeDelayMillis);
                SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(connection,
                        new ByteArrayInputStream(consumed), true);
                secured.setUseClientMode(false);
                secured.startHandshake();
                socket = secured;
                in = secured.getInputStream();
            } else {
                // as a server that accepts late: the kernel completed the TCP handshake, the request waits in its buffer
                sleep(acceptDelayMillis);
            }
            OutputStream out = socket.getOutputStream();
            String path;
            while ((path = readRequest(in)) != null) {
                byte[] body = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
                byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                if (path.startsWith("/slow-first-byte")) {
                    sleep(delayMillis);
                }
                out.write(head);
                if (path.startsWith("/slow-body")) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    sleep(delayMillis);
                    out.write(body, body.length / 2, body.length - body.length / 2);
                } else {
                    out.write(body);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads one request's head (and its Content-Length body); its path, or {@code null} at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return text.split(" ", 3)[1];
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
