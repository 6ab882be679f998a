package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.Phase;
import io.netty.channel.Channel;
import io.netty.util.NetUtil;
import org.asynchttpclient.HttpResponseStatus;
import org.asynchttpclient.handler.ProgressAsyncHandler;
import org.asynchttpclient.netty.request.NettyRequest;

import javax.net.ssl.SSLSession;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * What every exchange's handler shares: the status, and the timing of each {@link Phase} from the client's callbacks,
 * recorded into the request's {@link RequestRecorder} as each phase ends. A phase that does not happen (no connect on
 * a kept-alive connection, no TLS over HTTP) records nothing. Costs a few {@code nanoTime} reads and fields per
 * exchange; no allocation.
 */
abstract class TimedExchange implements ProgressAsyncHandler<Void> {
    final RequestRecorder recorder;
    final MetricsRegistry registry;
    final Clock clock;
    final long intendedNanos;
    final long sentNanos;
    final long requestBytes;
    int statusCode = -1;
    long bodyBytes;
    /** When the phase of the new connection under way (name resolution, connect, TLS) began; they never overlap. */
    private long connectionPhaseStartNanos;
    /** When the request began on its connection; 0 until then. */
    private long requestSendNanos;
    /** When its last byte was written (HTTP/1.1); 0 until then. */
    private long writtenNanos;
    /** When the status line arrived; 0 until then. */
    private long statusNanos;
    /** Hears each phase's time as it is recorded (an exchange being printed), or {@code null}. */
    private PhaseListener phaseListener;

    /** Hears what each phase took, in nanoseconds, as the phase ends. */
    interface PhaseListener {
        void phaseEnded(Phase phase, long nanos);
    }

    TimedExchange(RequestRecorder recorder, MetricsRegistry registry, Clock clock, long intendedNanos, long sentNanos,
                  long requestBytes) {
        this.recorder = recorder;
        this.registry = registry;
        this.clock = clock;
        this.intendedNanos = intendedNanos;
        this.sentNanos = sentNanos;
        this.requestBytes = requestBytes;
    }

    @Override
    public final State onStatusReceived(HttpResponseStatus status) {
        if (statusNanos == 0) {
            statusNanos = clock.nanoTime();
            recordWritten();
            long from = writtenNanos != 0 ? writtenNanos : requestSendNanos;
            if (from != 0) {
                phaseEnded(Phase.TTFB, statusNanos - from);
            }
        }
        if (status.getProtocolMajorVersion() == 2) {
            recorder.noteHttp2();
        }
        statusCode = status.getStatusCode();
        return State.CONTINUE;
    }

    /** Records the receiving phase: the response ended at {@code nowNanos}. */
    final void responseEnded(long nowNanos) {
        if (statusNanos != 0) {
            phaseEnded(Phase.RECEIVE, nowNanos - statusNanos);
        }
    }

    /** The exchange failed: a request written but never answered still tells how long it took to write. */
    final void exchangeFailed() {
        if (statusNanos == 0) {
            recordWritten();
        }
    }

    private void recordWritten() {
        if (writtenNanos != 0 && requestSendNanos != 0) {
            phaseEnded(Phase.SEND, writtenNanos - requestSendNanos);
        }
    }

    /** Lets {@code listener} hear each phase's time too (perf.debug prints them with the exchange). */
    final void observePhases(PhaseListener listener) {
        this.phaseListener = listener;
    }

    private void phaseEnded(Phase phase, long nanos) {
        recorder.recordPhase(phase, nanos);
        if (phaseListener != null) {
            phaseListener.phaseEnded(phase, nanos);
        }
    }

    @Override
    public final void onHostnameResolutionAttempt(String name) {
        // an IP address is not resolved: its "resolution" would be a zero that did not happen
        connectionPhaseStartNanos = NetUtil.isValidIpV4Address(name) || NetUtil.isValidIpV6Address(name)
                ? 0 : clock.nanoTime();
    }

    @Override
    public final void onHostnameResolutionSuccess(String name, List<InetSocketAddress> addresses) {
        connectionPhaseEnded(Phase.DNS);
    }

    @Override
    public final void onTcpConnectAttempt(InetSocketAddress remoteAddress) {
        connectionPhaseStartNanos = clock.nanoTime();
    }

    @Override
    public final void onTcpConnectSuccess(InetSocketAddress remoteAddress, Channel connection) {
        connectionPhaseEnded(Phase.CONNECT);
        registry.connectionOpened();
    }

    @Override
    public final void onTlsHandshakeAttempt() {
        connectionPhaseStartNanos = clock.nanoTime();
    }

    @Override
    public final void onTlsHandshakeSuccess(SSLSession session) {
        connectionPhaseEnded(Phase.TLS);
    }

    private void connectionPhaseEnded(Phase phase) {
        if (connectionPhaseStartNanos != 0) {
            phaseEnded(phase, clock.nanoTime() - connectionPhaseStartNanos);
            connectionPhaseStartNanos = 0;
        }
    }

    @Override
    public final void onConnectionPooled(Channel connection) {
        registry.connectionReused();
    }

    @Override
    public final void onRequestSend(NettyRequest request) {
        requestSendNanos = clock.nanoTime();
    }

    @Override
    public final State onHeadersWritten() {
        writtenNanos = clock.nanoTime();
        return State.CONTINUE;
    }

    @Override
    public final State onContentWritten() {
        writtenNanos = clock.nanoTime();
        return State.CONTINUE;
    }

    @Override
    public final State onContentWriteProgress(long amount, long current, long total) {
        return State.CONTINUE;
    }
}
