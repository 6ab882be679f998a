package dev.perf.engine;

import dev.perf.scenario.Capture;
import dev.perf.scenario.Check;
import dev.perf.scenario.JsonStrings;
import dev.perf.scenario.JsonPath;
import dev.perf.scenario.Part;
import dev.perf.scenario.RequestSpec;
import dev.perf.scenario.Step;
import dev.perf.scenario.Template;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;
import org.asynchttpclient.request.body.multipart.FilePart;
import org.asynchttpclient.request.body.multipart.StringPart;
import org.asynchttpclient.uri.Uri;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A step ready to send: its templates parsed, its JSON paths and patterns compiled, and, when nothing in it varies,
 * its request built once. A request with variables is built for each send.
 */
final class CompiledStep {
    final Step step;
    final int requestIndex;
    final boolean needsBody;
    final boolean needsHeaders;
    final JsonPath[] checkPaths;
    final Pattern[] checkPatterns;
    final Template[] checkExpected;
    /** Per check: a {@code contains} check's text as UTF-8, searched in the body past the kept part; else null. */
    final byte[][] checkContainsBytes;
    /** Whether a {@code contains} check must search past the kept part of a long body. */
    final boolean searchesPastKept;
    /** Per check: whether a failure may show the values compared (not when a secret takes part). */
    final boolean[] checkShowsValues;
    final JsonPath[] capturePaths;
    final Pattern[] capturePatterns;
    private final Duration timeout;
    private final String baseUrl;
    private final Template url;
    private final List<Map.Entry<String, Template>> query = new ArrayList<>();
    private final Map<String, Template> headers = new LinkedHashMap<>();
    private final Template body;
    private final List<Map.Entry<Part, Template>> parts = new ArrayList<>();
    private final boolean jsonBody;
    private final boolean formBody;
    private final Request constant;

    /**
     * @param secretVariables the flow's variables whose values are secret (secret captures, listed secrets): a check
     *                        that uses one never shows the values it compared
     */
    CompiledStep(Step step, int requestIndex, String baseUrl, Duration timeout, java.util.Set<String> secretVariables) {
        this.step = step;
        this.requestIndex = requestIndex;
        this.timeout = timeout;
        this.baseUrl = baseUrl;
        RequestSpec r = step.request();
        this.url = Template.parse(r.url(baseUrl));
        r.query().forEach(q -> query.add(Map.entry(q.getKey(), Template.parse(q.getValue()))));
        r.headers().forEach((k, v) -> headers.put(k, Template.parse(v)));
        this.body = r.body() == null ? null : Template.parse(new String(r.body(), StandardCharsets.UTF_8));
        String type = r.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse("");
        this.jsonBody = type.contains("json");
        this.formBody = type.startsWith("application/x-www-form-urlencoded");
        this.needsBody = step.needsBody();
        this.needsHeaders = step.checks().stream().anyMatch(c -> c.kind() == Check.Kind.HEADER_PRESENT
                || c.kind() == Check.Kind.HEADER_EQUALS) || step.captures().stream().anyMatch(c ->
                c.source() == Capture.Source.HEADER || c.source() == Capture.Source.COOKIE);
        int checks = step.checks().size();
        checkPaths = new JsonPath[checks];
        checkPatterns = new Pattern[checks];
        checkExpected = new Template[checks];
        checkShowsValues = new boolean[checks];
        checkContainsBytes = new byte[checks][];
        for (int i = 0; i < checks; i++) {
            Check c = step.checks().get(i);
            boolean secretSubject = c.subject() != null && (dev.perf.scenario.Secrets.looksSecret(c.subject())
                    || (c.kind() == Check.Kind.HEADER_EQUALS && dev.perf.scenario.Secrets.sensitiveHeader(c.subject())));
            checkShowsValues[i] = !secretSubject && (c.expected() == null || c.kind() == Check.Kind.BODY_MATCHES
                    || Template.parse(c.expected()).variables().stream().noneMatch(secretVariables::contains));
            if (c.kind() == Check.Kind.JSON_PATH_EXISTS || c.kind() == Check.Kind.JSON_PATH_EQUALS) {
                checkPaths[i] = JsonPath.compile(c.subject());
            }
            if (c.kind() == Check.Kind.BODY_CONTAINS) {
                checkContainsBytes[i] = c.expected().getBytes(StandardCharsets.UTF_8);
            }
            if (c.kind() == Check.Kind.BODY_MATCHES) {
                checkPatterns[i] = Pattern.compile(c.expected());
            } else if (c.expected() != null) {
                checkExpected[i] = Template.parse(c.expected());
            }
        }
        searchesPastKept = java.util.Arrays.stream(checkContainsBytes).anyMatch(java.util.Objects::nonNull);
        int captures = step.captures().size();
        capturePaths = new JsonPath[captures];
        capturePatterns = new Pattern[captures];
        for (int i = 0; i < captures; i++) {
            Capture c = step.captures().get(i);
            if (c.source() == Capture.Source.JSON_PATH) {
                capturePaths[i] = JsonPath.compile(c.expression());
            } else if (c.source() == Capture.Source.REGEX) {
                capturePatterns[i] = Pattern.compile(c.expression());
            }
        }
        r.parts().forEach(part -> parts.add(Map.entry(part, part.value() == null ? Template.parse("")
                : Template.parse(part.value()))));
        boolean varies = !url.isConstant() || query.stream().anyMatch(q -> !q.getValue().isConstant())
                || parts.stream().anyMatch(p -> !p.getValue().isConstant())
                || headers.values().stream().anyMatch(t -> !t.isConstant()) || (body != null && !body.isConstant());
        this.constant = varies ? null : build(null);
    }

    /** The variables the step uses (not generators): in its request and in its checks' expected values. */
    List<String> variables() {
        List<String> names = new ArrayList<>(url.variables());
        query.forEach(q -> names.addAll(q.getValue().variables()));
        headers.values().forEach(t -> names.addAll(t.variables()));
        if (body != null) {
            names.addAll(body.variables());
        }
        parts.forEach(p -> names.addAll(p.getValue().variables()));
        for (Template expected : checkExpected) {
            if (expected != null) {
                names.addAll(expected.variables());
            }
        }
        return names;
    }

    /** Whether the step is a plain request: nothing to fill in, nothing to read from the response. */
    boolean plain() {
        return constant != null && !step.inspectsResponse();
    }

    Request request(Session session) {
        Request request = constant != null ? constant : build(session);
        return withCookies(request, session == null ? null : session.cookies());
    }

    /** The request with the user's cookies, when it has any (added to a Cookie header the scenario wrote). */
    static Request withCookies(Request request, CookieJar jar) {
        String cookies = jar == null ? null : jar.header();
        if (cookies == null) {
            return request;
        }
        String written = request.getHeaders().get("Cookie");
        return request.toBuilder().setHeader("Cookie", written == null ? cookies : written + "; " + cookies)
                .build();
    }

    /** @param session {@code null} when every template is constant */
    private Request build(Session session) {
        Function<Template.Part, String> values = part -> session.value(part);
        RequestBuilder builder = new RequestBuilder(step.request().method().name())
                .setUri(Uri.create(resolve(url.render(values))))
                .setRequestTimeout(timeout);
        for (Map.Entry<String, Template> q : query) {
            builder.addQueryParam(q.getKey(), q.getValue().render(values));
        }
        headers.forEach((k, v) -> builder.setHeader(k, v.render(values)));
        for (Map.Entry<Part, Template> entry : parts) {
            Part part = entry.getKey();
            builder.addBodyPart(part.file() != null
                    ? new FilePart(part.name(), part.file().toFile(), part.contentType())
                    : new StringPart(part.name(), entry.getValue().render(values), part.contentType(),
                    StandardCharsets.UTF_8));
        }
        if (body != null) {
            Function<Template.Part, String> bodyValues = jsonBody ? part -> JsonStrings.escape(session.value(part))
                    : formBody ? part -> URLEncoder.encode(session.value(part), StandardCharsets.UTF_8) : values;
            builder.setBody(body.render(bodyValues).getBytes(StandardCharsets.UTF_8));
        }
        return builder.build();
    }

    /** A path from a variable (a captured Location, say) is resolved against the base URL like a written one. */
    private String resolve(String rendered) {
        if (rendered.startsWith("http://") || rendered.startsWith("https://")) {
            return rendered;
        }
        if (rendered.startsWith("/")) {
            return baseUrl + rendered;
        }
        throw new IllegalArgumentException("the path '" + rendered + "' is neither absolute (/customers/1) nor a URL");
    }
}
