package dev.perf.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.Capture;
import dev.perf.scenario.Check;
import dev.perf.scenario.JsonPath;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.HttpResponseBodyPart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;

/**
 * One exchange of a step that reads its response (a sibling of the plain {@link ExchangeHandler}, which stays lean;
 * both time the phases in {@link TimedExchange}): keeps the headers and (only when a check or capture needs it)
 * the body, then judges the status, runs the checks and takes the captures. A failed check fails the request unless
 * it is informational; a capture that finds nothing fails it and ends the flow iteration.
 */
final class StepHandler extends TimedExchange {
    /** A body beyond this is not kept for checks and captures (they see its first part). */
    static final int MAX_BODY_BYTES = Check.MAX_BODY_BYTES;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SHOWN = 80;

    /** Where the flow goes on: {@code failure} is {@code null} when the step succeeded. */
    interface Done {
        void stepDone(ErrorKind failure);
    }

    private final CompiledStep step;
    private final Session session;
    private final Done done;
    private final ByteArrayOutputStream body;
    private HttpHeaders headers;
    /** Per {@code contains} check: found in the part of the body past {@link #MAX_BODY_BYTES}. */
    private boolean[] foundPastKept;
    /** The last bytes seen, so that a text split between two parts past the kept body is still found. */
    private byte[] overlap;
    private int overlapBytes;
    private boolean finished;

    StepHandler(CompiledStep step, Session session, RequestRecorder recorder, MetricsRegistry registry, Clock clock,
                long intendedNanos, long sentNanos, long requestBytes, Done done) {
        super(recorder, registry, clock, intendedNanos, sentNanos, requestBytes);
        this.step = step;
        this.session = session;
        this.done = done;
        this.body = step.needsBody ? new ByteArrayOutputStream(512) : null;
    }

    @Override
    public State onHeadersReceived(HttpHeaders received) {
        if (step.needsHeaders) {
            headers = received;
        }
        if (session.cookies() != null && received.contains(HttpHeaderNames.SET_COOKIE)) {
            session.cookies().store(received.getAll(HttpHeaderNames.SET_COOKIE));
        }
        return State.CONTINUE;
    }

    @Override
    public State onBodyPartReceived(HttpResponseBodyPart part) {
        bodyBytes += part.length();
        if (body != null) {
            byte[] bytes = part.getBodyPartBytes();
            int kept = Math.min(bytes.length, MAX_BODY_BYTES - body.size());
            body.write(bytes, 0, kept);
            if (bodyBytes > MAX_BODY_BYTES && step.searchesPastKept) {
                searchPastKept(bytes);
            }
        }
        return State.CONTINUE;
    }

    /**
     * A {@code contains} check looks at the whole body however long: past the part kept in memory it is searched as
     * the parts arrive, keeping only the last bytes of each part so that a text split between parts is found.
     */
    private void searchPastKept(byte[] bytes) {
        byte[][] texts = step.checkContainsBytes;
        if (foundPastKept == null) {
            foundPastKept = new boolean[texts.length];
            byte[] kept = body.toByteArray();
            for (byte[] text : texts) {
                overlapBytes = Math.max(overlapBytes, text == null ? 0 : text.length - 1);
            }
            overlap = java.util.Arrays.copyOfRange(kept, Math.max(0, kept.length - overlapBytes), kept.length);
        }
        byte[] window = new byte[overlap.length + bytes.length];
        System.arraycopy(overlap, 0, window, 0, overlap.length);
        System.arraycopy(bytes, 0, window, overlap.length, bytes.length);
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null && !foundPastKept[i] && indexOf(window, texts[i]) >= 0) {
                foundPastKept[i] = true;
            }
        }
        overlap = java.util.Arrays.copyOfRange(window, Math.max(0, window.length - overlapBytes), window.length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public Void onCompleted() {
        if (finished) {
            return null;
        }
        finished = true;
        long now = clock.nanoTime();
        responseEnded(now);
        if (!step.step.request().expect().accepts(statusCode)) {
            recorder.recordResponse(statusCode, false, intendedNanos, sentNanos, now, bodyBytes, requestBytes);
            recorder.noteUnexpectedStatus(statusCode, step.step.request().expect());
            done.stepDone(ErrorKind.STATUS);
            return null;
        }
        Response response = new Response(now);
        String failed = null;
        for (int i = 0; i < step.step.checks().size(); i++) {
            Check check = step.step.checks().get(i);
            String problem = response.check(i, check);
            if (problem != null && bodyBytes > MAX_BODY_BYTES && check.readsPartOfLongBodies()) {
                // it read only the body's beginning: what it looks for may be further on
                recorder.recordCheckNotJudged(check.name());
                continue;
            }
            if (problem != null) {
                recorder.recordCheckFailure(check.name());
                if (check.fails() && failed == null) {
                    failed = "check '" + check.name() + "' failed: " + problem;
                }
            }
        }
        if (failed != null) {
            recorder.recordFailedResponse(statusCode, ErrorKind.CHECK, failed, intendedNanos, sentNanos, now, bodyBytes,
                    requestBytes);
            done.stepDone(ErrorKind.CHECK);
            return null;
        }
        for (int i = 0; i < step.step.captures().size(); i++) {
            Capture capture = step.step.captures().get(i);
            String value = response.capture(i, capture);
            if (value == null) {
                recorder.recordFailedResponse(statusCode, ErrorKind.CAPTURE, "capture '" + capture.variable() + "' ("
                        + capture.source().key() + " " + capture.expression() + ") found nothing"
                        + (bodyBytes > MAX_BODY_BYTES && capture.source() != Capture.Source.HEADER
                        && capture.source() != Capture.Source.COOKIE ? " in the first " + MAX_BODY_BYTES / 1024 / 1024
                        + " MiB of the " + bodyBytes + "-byte body, all a capture reads" : "")
                        + "; the rest of the flow iteration was skipped", intendedNanos, sentNanos, now, bodyBytes, requestBytes);
                done.stepDone(ErrorKind.CAPTURE);
                return null;
            }
            session.put(capture.variable(), value);
        }
        recorder.recordResponse(statusCode, true, intendedNanos, sentNanos, now, bodyBytes, requestBytes);
        done.stepDone(null);
        return null;
    }

    @Override
    public void onThrowable(Throwable error) {
        if (finished) {
            return;
        }
        finished = true;
        exchangeFailed();
        ErrorKind kind = ErrorKind.classify(error);
        String message = error.getMessage();
        recorder.recordFailure(kind, error.getClass().getSimpleName() + (message == null ? "" : ": " + message),
                intendedNanos, sentNanos, clock.nanoTime(), requestBytes);
        done.stepDone(kind);
    }

    /** The response as checks and captures see it; the body is decoded and parsed once, when first needed. */
    private final class Response {
        private final long completedNanos;
        private String text;
        private JsonNode json;
        private boolean parsed;

        Response(long completedNanos) {
            this.completedNanos = completedNanos;
        }

        /** @return {@code null} when the check passes, else what was found */
        String check(int i, Check check) {
            return switch (check.kind()) {
                case HEADER_PRESENT -> header(check.subject()) != null ? null : "no such header";
                case HEADER_EQUALS -> equal(header(check.subject()), i);
                case BODY_CONTAINS -> text().contains(check.expected()) || (foundPastKept != null && foundPastKept[i])
                        ? null : "not in the body";
                case BODY_MATCHES -> step.checkPatterns[i].matcher(text()).find() ? null : "no match in the body";
                case JSON_PATH_EXISTS -> node(step.checkPaths[i]) != null ? null : "no such field"
                        + (json() == null ? " (the body is not JSON)" : "");
                case JSON_PATH_EQUALS -> {
                    JsonNode node = node(step.checkPaths[i]);
                    yield equal(node == null ? null : JsonPath.text(node), i);
                }
                case RESPONSE_TIME -> {
                    long nanos = completedNanos - intendedNanos;
                    yield nanos <= check.maxTime().toNanos() ? null
                            : String.format(java.util.Locale.ROOT, "took %.2f ms", nanos / 1e6);
                }
            };
        }

        private String equal(String actual, int i) {
            String expected = step.checkExpected[i].render(session::value);
            if (!step.checkShowsValues[i]) {
                return actual == null ? "absent" : actual.equals(expected) ? null
                        : "did not match (a secret takes part: the values are not shown)";
            }
            if (actual == null) {
                return "absent (expected '" + shown(expected) + "')";
            }
            return actual.equals(expected) ? null : "was '" + shown(actual) + "', expected '" + shown(expected) + "'";
        }

        String capture(int i, Capture capture) {
            switch (capture.source()) {
                case JSON_PATH -> {
                    JsonNode node = node(step.capturePaths[i]);
                    return node == null || node.isNull() ? null : JsonPath.text(node);
                }
                case HEADER -> {
                    return header(capture.expression());
                }
                case REGEX -> {
                    Matcher m = step.capturePatterns[i].matcher(text());
                    return !m.find() ? null : m.groupCount() >= 1 ? m.group(1) : m.group();
                }
                default -> {
                    if (headers == null) {
                        return null;
                    }
                    for (String cookie : headers.getAll("Set-Cookie")) {
                        int eq = cookie.indexOf('=');
                        if (eq > 0 && cookie.substring(0, eq).trim().equals(capture.expression())) {
                            int end = cookie.indexOf(';', eq);
                            return cookie.substring(eq + 1, end < 0 ? cookie.length() : end).trim();
                        }
                    }
                    return null;
                }
            }
        }

        private String header(String name) {
            return headers == null ? null : headers.get(name);
        }

        private String text() {
            if (text == null) {
                text = body == null ? "" : body.toString(StandardCharsets.UTF_8);
            }
            return text;
        }

        private JsonNode json() {
            if (!parsed) {
                parsed = true;
                try {
                    json = body == null || body.size() == 0 ? null : JSON.readTree(body.toByteArray());
                } catch (IOException e) {
                    json = null;
                }
            }
            return json;
        }

        private JsonNode node(JsonPath path) {
            JsonNode root = json();
            return root == null ? null : path.read(root);
        }
    }

    private static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "...";
    }
}
