package dev.perf.scenario;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A phase of an HTTP exchange, timed for every request where it happens (k6's {@code http_req_connecting},
 * {@code http_req_tls_handshaking}, {@code http_req_sending}, {@code http_req_waiting}, {@code http_req_receiving}).
 * A phase that did not happen (no connect on a kept-alive connection, no TLS over plain HTTP) is absent, never a zero.
 * Thresholds name them as {@code [request.]phase.stat}, such as {@code connect.p95 < 10ms}.
 */
public enum Phase {
    /** Resolving the host's name, on a new connection to a host given by name (not for an IP address). */
    DNS("dns", "resolving the host name (new connections to a named host)"),
    /** The TCP handshake, on a new connection: from the connect call to the connection's being established. */
    CONNECT("connect", "the TCP connect (new connections)"),
    /** The TLS handshake, on a new HTTPS connection. */
    TLS("tls", "the TLS handshake (new HTTPS connections)"),
    /** Writing the request: from its start on the connection until its last byte was written (HTTP/1.1). */
    SEND("send", "writing the request (HTTP/1.1)"),
    /** Waiting: from the request's being written (HTTP/2: handed to the connection) to the response's first byte. */
    TTFB("ttfb", "from the request written to the response's first byte"),
    /** Receiving: from the response's first byte (status line) to its last. */
    RECEIVE("receive", "from the response's first byte to its last");

    private static final Phase[] ALL = values();

    private final String key;
    private final String description;

    Phase(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** As written in thresholds and results: {@code dns}, {@code connect}, ... */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Whether it belongs to opening a connection (dns, connect, tls): not every request's, so how often counts. */
    public boolean ofNewConnection() {
        return ordinal() <= TLS.ordinal();
    }

    /** The phase named {@code key}, or {@code null}. */
    public static Phase of(String key) {
        for (Phase phase : ALL) {
            if (phase.key.equals(key)) {
                return phase;
            }
        }
        return null;
    }

    /** The names, for messages: {@code dns, connect, tls, send, ttfb, receive}. */
    public static String keys() {
        return Arrays.stream(ALL).map(Phase::key).collect(Collectors.joining(", "));
    }
}
