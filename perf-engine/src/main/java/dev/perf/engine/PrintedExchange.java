package dev.perf.engine;

import dev.perf.scenario.Phase;
import dev.perf.scenario.Printable;
import dev.perf.scenario.Secrets;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.HttpResponseBodyPart;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.Request;
import org.asynchttpclient.handler.ProgressAsyncHandler;
import org.asynchttpclient.netty.request.NettyRequest;

import javax.net.ssl.SSLSession;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One exchange being printed ({@link ExchangePrinter}): passes every event on to the run's own handler, keeps what it
 * shows, and prints once the exchange has ended (after the handler, so that what a step captured is masked too).
 */
final class PrintedExchange<T> implements ProgressAsyncHandler<T> {
    private static final Phase[] PHASES = Phase.values();
    private final Request request;
    private final AsyncHandler<T> handler;
    private final int number;
    private final int total;
    private final Clock clock;
    private final Consumer<String> out;
    private final Supplier<Secrets> secrets;
    private final long startNanos;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long bodyBytes;
    private long firstByteNanos = -1;
    /** What each phase took, as the run's handler timed it (-1: did not happen), by {@link Phase#ordinal()}. */
    private final long[] phaseNanos = {-1, -1, -1, -1, -1, -1};
    private String statusLine;
    private HttpHeaders headers;
    private String connection = "";

    @SuppressWarnings("unchecked")
    PrintedExchange(Request request, AsyncHandler<?> handler, int number, int total, Clock clock,
                    Consumer<String> out, Supplier<Secrets> secrets) {
        this.request = request;
        this.handler = (AsyncHandler<T>) handler;
        this.number = number;
        this.total = total;
        this.clock = clock;
        this.out = out;
        this.secrets = secrets;
        this.startNanos = clock.nanoTime();
        if (handler instanceof TimedExchange timed) {
            timed.observePhases((phase, nanos) -> phaseNanos[phase.ordinal()] = nanos);
        }
    }

    @Override
    public State onStatusReceived(HttpResponseStatus status) throws Exception {
        firstByteNanos = clock.nanoTime();
        statusLine = status.getProtocolText() + " " + status.getStatusCode() + " " + status.getStatusText();
        return handler.onStatusReceived(status);
    }

    @Override
    public State onHeadersReceived(HttpHeaders received) throws Exception {
        headers = received;
        return handler.onHeadersReceived(received);
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart part) throws Exception {
        bodyBytes += part.length();
        int room = ExchangePrinter.BODY_CAP_BYTES - body.size();
        if (room > 0) {
            byte[] bytes = part.getBodyPartBytes();
            body.write(bytes, 0, Math.min(room, bytes.length));
        }
        return handler.onBodyPartReceived(part);
    }

    @Override
    public State onTrailingHeadersReceived(HttpHeaders trailing) throws Exception {
        return handler.onTrailingHeadersReceived(trailing);
    }

    @Override
    public T onCompleted() throws Exception {
        long end = clock.nanoTime();
        try {
            return handler.onCompleted();
        } finally {
            printSafely(end, null);
        }
    }

    @Override
    public void onThrowable(Throwable error) {
        long end = clock.nanoTime();
        try {
            handler.onThrowable(error);
        } finally {
            printSafely(end, error);
        }
    }

    @Override
    public void onHostnameResolutionAttempt(String name) {
        handler.onHostnameResolutionAttempt(name);
    }

    @Override
    public void onHostnameResolutionSuccess(String name, List<InetSocketAddress> addresses) {
        handler.onHostnameResolutionSuccess(name, addresses);
    }

    @Override
    public void onHostnameResolutionFailure(String name, Throwable cause) {
        handler.onHostnameResolutionFailure(name, cause);
    }

    @Override
    public void onTcpConnectAttempt(InetSocketAddress remoteAddress) {
        handler.onTcpConnectAttempt(remoteAddress);
    }

    @Override
    public void onTcpConnectSuccess(InetSocketAddress remoteAddress, Channel channel) {
        connection = "new connection to " + remoteAddress.getAddress().getHostAddress() + ":" + remoteAddress.getPort();
        handler.onTcpConnectSuccess(remoteAddress, channel);
    }

    @Override
    public void onTcpConnectFailure(InetSocketAddress remoteAddress, Throwable cause) {
        handler.onTcpConnectFailure(remoteAddress, cause);
    }

    @Override
    public void onTlsHandshakeAttempt() {
        handler.onTlsHandshakeAttempt();
    }

    @Override
    public void onTlsHandshakeSuccess(SSLSession session) {
        connection += ", " + session.getProtocol() + " " + session.getCipherSuite();
        handler.onTlsHandshakeSuccess(session);
    }

    @Override
    public void onTlsHandshakeFailure(Throwable cause) {
        handler.onTlsHandshakeFailure(cause);
    }

    @Override
    public void onConnectionPoolAttempt() {
        handler.onConnectionPoolAttempt();
    }

    @Override
    public void onConnectionPooled(Channel channel) {
        connection = "kept-alive connection";
        handler.onConnectionPooled(channel);
    }

    @Override
    public void onConnectionOffer(Channel channel) {
        handler.onConnectionOffer(channel);
    }

    @Override
    public void onRequestSend(NettyRequest nettyRequest) {
        handler.onRequestSend(nettyRequest);
    }

    @Override
    public void onRetry() {
        handler.onRetry();
    }

    @Override
    public State onHeadersWritten() {
        return handler instanceof ProgressAsyncHandler<T> progress ? progress.onHeadersWritten() : State.CONTINUE;
    }

    @Override
    public State onContentWritten() {
        return handler instanceof ProgressAsyncHandler<T> progress ? progress.onContentWritten() : State.CONTINUE;
    }

    @Override
    public State onContentWriteProgress(long amount, long current, long total) {
        return handler instanceof ProgressAsyncHandler<T> progress ? progress.onContentWriteProgress(amount, current,
                total) : State.CONTINUE;
    }

    /** Printing never disturbs the run: an exchange that cannot be shown says so. */
    private void printSafely(long endNanos, Throwable error) {
        try {
            print(endNanos, error);
        } catch (RuntimeException e) {
            out.accept("exchange " + number + ": cannot be shown (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void print(long endNanos, Throwable error) {
        Secrets mask = secrets.get();
        StringBuilder b = new StringBuilder();
        b.append("exchange ").append(number).append(total == Integer.MAX_VALUE ? "" : " of " + total).append('\n');
        b.append("> ").append(request.getMethod()).append(' ').append(mask.mask(request.getUrl())).append('\n');
        headers(b, "> ", request.getHeaders(), mask);
        byte[] sent = requestBody();
        if (sent != null && sent.length > 0) {
            b.append(">\n");
            body(b, "> ", sent, Math.min(sent.length, ExchangePrinter.BODY_CAP_BYTES), sent.length, mask);
        }
        if (error != null) {
            b.append("< failed after ").append(millis(endNanos - startNanos)).append(": ")
                    .append(mask.mask(Printable.escape(error.getClass().getSimpleName()
                            + (error.getMessage() == null ? "" : ": " + error.getMessage())))).append('\n');
        } else {
            b.append("< ").append(statusLine == null ? "(no status)" : Printable.escape(statusLine)).append('\n');
            if (headers != null) {
                headers(b, "< ", headers, mask);
            }
            if (bodyBytes > 0) {
                b.append("<\n");
                byte[] kept = body.toByteArray();
                body(b, "< ", kept, kept.length, bodyBytes, mask);
            }
        }
        b.append("  ").append(connection.isEmpty() ? "" : connection + "; ")
                .append(firstByteNanos < 0 ? "" : "first byte after " + millis(firstByteNanos - startNanos) + ", ")
                .append("ended after ").append(millis(endNanos - startNanos));
        StringBuilder phases = new StringBuilder();
        for (Phase phase : PHASES) {
            if (phaseNanos[phase.ordinal()] >= 0) {
                phases.append(phases.length() == 0 ? "" : ", ").append(phase.key()).append(' ')
                        .append(millis(phaseNanos[phase.ordinal()]));
            }
        }
        if (phases.length() > 0) {
            b.append("\n  ").append(phases);
        }
        out.accept(b.toString());
    }

    private byte[] requestBody() {
        if (request.getByteData() != null) {
            return request.getByteData();
        }
        if (request.getStringData() != null) {
            return request.getStringData().getBytes(StandardCharsets.UTF_8);
        }
        if (request.getCompositeByteData() != null) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            request.getCompositeByteData().forEach(part -> all.write(part, 0, part.length));
            return all.toByteArray();
        }
        return null;
    }

    private static void headers(StringBuilder b, String prefix, HttpHeaders headers, Secrets mask) {
        for (Map.Entry<String, String> h : headers) {
            boolean hidden = Secrets.sensitiveHeader(h.getKey()) || Secrets.looksSecret(h.getKey());
            b.append(prefix).append(Printable.escape(h.getKey())).append(": ")
                    .append(hidden ? "***" : mask.mask(Printable.escape(h.getValue()))).append('\n');
        }
    }

    private static void body(StringBuilder b, String prefix, byte[] bytes, int shown, long all, Secrets mask) {
        String text = text(bytes, shown);
        if (text == null) {
            b.append(prefix).append("(").append(all).append(" bytes, not text)\n");
            return;
        }
        String masked = mask.mask(text);
        // a body's final line break ends its last line; it does not start an empty one
        for (String line : (masked.endsWith("\n") ? masked.substring(0, masked.length() - 1) : masked)
                .split("\n", -1)) {
            b.append(prefix).append(Printable.escape(line)).append('\n');
        }
        if (all > shown) {
            b.append(prefix).append("... (").append(all).append(" bytes; the first ").append(shown)
                    .append(" shown)\n");
        }
    }

    /** The bytes as UTF-8 text (a character cut at the end is dropped), or {@code null} when they are not text. */
    private static String text(byte[] bytes, int length) {
        for (int end = length; end >= Math.max(0, length - 3); end--) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end))
                        .toString();
                return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t') ? null : text;
            } catch (CharacterCodingException e) {
                // try without a cut character at the end
            }
        }
        return null;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
