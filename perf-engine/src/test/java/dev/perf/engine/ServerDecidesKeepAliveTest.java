package dev.perf.engine;

import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection is the server's to close: HTTP/1.1 keeps it unless told to close, HTTP/1.0 only when told to keep it. */
class ServerDecidesKeepAliveTest {
    private final ServerDecidesKeepAlive strategy = new ServerDecidesKeepAlive();

    private boolean keeps(HttpVersion version, String connection) {
        HttpResponse response = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        if (connection != null) {
            response.headers().set("Connection", connection);
        }
        return strategy.keepAlive(null, null, null, response);
    }

    @Test
    void http11KeepsTheConnectionUnlessTheServerSaysClose() {
        assertThat(keeps(HttpVersion.HTTP_1_1, null)).isTrue();
        assertThat(keeps(HttpVersion.HTTP_1_1, "keep-alive")).isTrue();
        assertThat(keeps(HttpVersion.HTTP_1_1, "close")).isFalse();
        assertThat(keeps(HttpVersion.HTTP_1_1, "Close")).isFalse();
        assertThat(keeps(HttpVersion.HTTP_1_1, "upgrade, close")).isFalse();
    }

    @Test
    void http10KeepsItOnlyWhenAsked() {
        assertThat(keeps(HttpVersion.HTTP_1_0, null)).isFalse();
        assertThat(keeps(HttpVersion.HTTP_1_0, "Keep-Alive")).isTrue();
        assertThat(keeps(HttpVersion.HTTP_1_0, "close")).isFalse();
    }
}
