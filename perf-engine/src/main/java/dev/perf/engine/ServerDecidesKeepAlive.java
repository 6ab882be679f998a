package dev.perf.engine;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import org.asynchttpclient.Request;
import org.asynchttpclient.channel.KeepAliveStrategy;

import java.net.InetSocketAddress;

/**
 * Keeps a connection unless the response says {@code Connection: close} or is HTTP/1.0 without
 * {@code keep-alive}. Cheaper than the default strategy, which also re-inspects the request's headers on every
 * response although our requests never ask to close.
 */
final class ServerDecidesKeepAlive implements KeepAliveStrategy {

    @Override
    public boolean keepAlive(InetSocketAddress remoteAddress, Request ahcRequest, HttpRequest nettyRequest,
                             HttpResponse response) {
        String connection = response.headers().get(HttpHeaderNames.CONNECTION);
        if (response.protocolVersion() == HttpVersion.HTTP_1_0) {
            return connection != null && HttpHeaderValues.KEEP_ALIVE.contentEqualsIgnoreCase(connection);
        }
        return connection == null || !HttpHeaderValues.CLOSE.contentEqualsIgnoreCase(connection);
    }
}
