package dev.perf.metrics;

import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Why a request failed. */
public enum ErrorKind {
    /** A response arrived, but its status code was not an expected one. */
    STATUS("unexpected status"),
    /** The read or request timeout expired: the target accepted the request but did not answer in time. */
    TIMEOUT("timeout"),
    /**
     * No connection could be opened within the connect timeout: the target is black-holed, overloaded past its accept
     * queue, or unreachable. Unlike a refused connection, something may be there, too busy to accept.
     */
    CONNECT_TIMEOUT("connect timeout"),
    /** Nothing listened at the target address. */
    CONNECTION_REFUSED("connection refused"),
    /** The peer reset or closed the connection before the response was complete. */
    CONNECTION_RESET("connection reset"),
    /** The TLS handshake failed: an untrusted or invalid certificate, no common protocol or cipher. */
    TLS("TLS handshake failed"),
    /** A check on the response failed (a header, the body, a JSON field, the response time). */
    CHECK("failed check"),
    /** A value to capture for later steps was not in the response; the rest of that flow iteration is skipped. */
    CAPTURE("missing capture"),
    /** A tracked operation of a test failed an assertion ({@link AssertionError}). */
    ASSERTION("failed assertion"),
    /** A tracked operation of a test threw an exception. */
    EXCEPTION("exception"),
    /** Anything else (TLS, DNS, protocol errors...). */
    OTHER("other");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Lower-case, dash-separated key used in JSON: {@code connection-refused}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a {@link #key()}, or {@link #OTHER} for a key this version does not know. */
    public static ErrorKind fromKey(String key) {
        for (ErrorKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        return OTHER;
    }

    /** Classifies a transport failure by walking its cause chain. */
    public static ErrorKind classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException) {
                return TLS;
            }
        }
        // a connect timeout arrives wrapped in a ConnectException with the same message: look for it along the whole
        // chain before any level's type can call it a refused connection
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t.getClass().getSimpleName().equals("ConnectTimeoutException")
                    || message.contains("connection timed out") || message.contains("connect timed out")) {
                return CONNECT_TIMEOUT;
            }
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout") || message.contains("timeout")) {
                return TIMEOUT;
            }
            if (t instanceof ConnectException || message.contains("connection refused")) {
                return CONNECTION_REFUSED;
            }
            if (t instanceof ClosedChannelException || message.contains("reset") || message.contains("remotely closed")
                    || message.contains("broken pipe") || message.contains("closed")) {
                return CONNECTION_RESET;
            }
        }
        return OTHER;
    }
}
