package dev.perf.metrics;

import io.netty.channel.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorKindTest {

    @Test
    void classifiesByTypeAndMessageAlongTheCauseChain() {
        assertThat(ErrorKind.classify(new TimeoutException("Request timeout to /127.0.0.1:8080 after 300 ms")))
                .isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ErrorKind.classify(new ConnectTimeoutException("connection timed out: /10.0.0.1:80")))
                .isEqualTo(ErrorKind.CONNECT_TIMEOUT);
        // AsyncHttpClient wraps Netty's connect timeout in a ConnectException with the same message
        ConnectException wrapped = new ConnectException("connection timed out after 500 ms: /127.0.0.1:9");
        wrapped.initCause(new ConnectTimeoutException("connection timed out after 500 ms: /127.0.0.1:9"));
        assertThat(ErrorKind.classify(wrapped)).isEqualTo(ErrorKind.CONNECT_TIMEOUT);
        assertThat(ErrorKind.classify(new ConnectException("finishConnect(..) failed: Connection refused")))
                .isEqualTo(ErrorKind.CONNECTION_REFUSED);
        assertThat(ErrorKind.classify(new IOException("wrapped", new ConnectException("Connection refused"))))
                .isEqualTo(ErrorKind.CONNECTION_REFUSED);
        assertThat(ErrorKind.classify(new IOException("recvAddress(..) failed: Connection reset by peer")))
                .isEqualTo(ErrorKind.CONNECTION_RESET);
        assertThat(ErrorKind.classify(new IOException("Remotely closed"))).isEqualTo(ErrorKind.CONNECTION_RESET);
        assertThat(ErrorKind.classify(new ClosedChannelException())).isEqualTo(ErrorKind.CONNECTION_RESET);
        assertThat(ErrorKind.classify(new IllegalStateException("TLS handshake failed"))).isEqualTo(ErrorKind.OTHER);
    }
}
