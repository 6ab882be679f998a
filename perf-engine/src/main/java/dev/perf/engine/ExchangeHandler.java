package dev.perf.engine;

import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.ExpectedStatus;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.HttpResponseBodyPart;

/**
 * One request/response exchange. Lean on purpose: it reads the status, counts body bytes and records times;
 * it never aggregates a response object or copies the body.
 */
final class ExchangeHandler extends TimedExchange {
    private final ExpectedStatus expect;
    private final Completion completion;
    private final CookieJar jar;
    private boolean done;

    /** @param jar the virtual user's cookies, or {@code null} when none are kept */
    ExchangeHandler(RequestRecorder recorder, ExpectedStatus expect, MetricsRegistry registry, Clock clock,
                    long intendedNanos, long sentNanos, long requestBytes, Completion completion, CookieJar jar) {
        super(recorder, registry, clock, intendedNanos, sentNanos, requestBytes);
        this.expect = expect;
        this.completion = completion;
        this.jar = jar;
    }

    @Override
    public State onHeadersReceived(HttpHeaders headers) {
        if (jar != null && headers.contains(HttpHeaderNames.SET_COOKIE)) {
            jar.store(headers.getAll(HttpHeaderNames.SET_COOKIE));
        }
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart part) {
        bodyBytes += part.length();
        return State.CONTINUE;
    }

    @Override
    public Void onCompleted() {
        if (done) {
            return null;
        }
        done = true;
        long now = clock.nanoTime();
        responseEnded(now);
        boolean success = expect.accepts(statusCode);
        recorder.recordResponse(statusCode, success, intendedNanos, sentNanos, now, bodyBytes, requestBytes);
        if (!success) {
            recorder.noteUnexpectedStatus(statusCode, expect);
        }
        completion.completed();
        return null;
    }

    @Override
    public void onThrowable(Throwable error) {
        if (done) {
            return;
        }
        done = true;
        long now = clock.nanoTime();
        exchangeFailed();
        ErrorKind kind = ErrorKind.classify(error);
        recorder.recordFailure(kind, describe(error), intendedNanos, sentNanos, now, requestBytes);
        completion.completed();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
