package dev.perf.dashboard.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** One browser tab over the DevTools protocol: navigate, read the DOM, collect console errors, take screenshots. */
final class Tab implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private WebSocket socket;

    private Tab() {
    }

    static Tab connect(HttpClient http, URI url) throws IOException, InterruptedException {
        Tab tab = new Tab();
        try {
            tab.socket = http.newWebSocketBuilder().buildAsync(url, tab.new Listener()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to the tab at " + url + ": " + e.getMessage(), e);
        }
        tab.send("Page.enable", Map.of());
        tab.send("Runtime.enable", Map.of());
        tab.send("Log.enable", Map.of());
        return tab;
    }

    /** Loads a page and waits for its load event; console errors gathered before are forgotten. */
    void navigate(String url) throws IOException {
        problems.clear();
        loaded = new CompletableFuture<>();
        JsonNode result = send("Page.navigate", Map.of("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IOException("navigating to " + url + " failed: " + result.path("errorText").asText());
        }
        try {
            loaded.get(20, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException("the page " + url + " did not load: " + e, e);
        }
    }

    /** Console errors and warnings, uncaught exceptions and failed loads (a refused stylesheet, say) since navigate. */
    List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** The page's HTML as the browser parsed it. */
    String html() throws IOException {
        JsonNode root = send("DOM.getDocument", Map.of("depth", 0)).path("root");
        return send("DOM.getOuterHTML", Map.of("nodeId", root.path("nodeId").asInt())).path("outerHTML").asText();
    }

    /** A computed style property of the first element matching a CSS selector, or {@code null} when none matches. */
    String computedStyle(String selector, String property) throws IOException {
        JsonNode root = send("DOM.getDocument", Map.of("depth", 0)).path("root");
        int node = send("DOM.querySelector", Map.of("nodeId", root.path("nodeId").asInt(), "selector", selector))
                .path("nodeId").asInt();
        if (node == 0) {
            return null;
        }
        send("CSS.enable", Map.of());
        for (JsonNode p : send("CSS.getComputedStyleForNode", Map.of("nodeId", node)).path("computedStyle")) {
            if (p.path("name").asText().equals(property)) {
                return p.path("value").asText();
            }
        }
        return null;
    }

    /** A number the page's layout gives, from a JavaScript expression (evaluated by the browser, not the page). */
    double number(String expression) throws IOException {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result");
        if (!result.path("value").isNumber()) {
            throw new IOException(expression + " gave " + result);
        }
        return result.path("value").asDouble();
    }

    /** Sets the viewport and the preferred colour scheme for what follows. */
    void emulate(int width, int height, boolean dark) throws IOException {
        send("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", width < 600));
        send("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme",
                "value", dark ? "dark" : "light"))));
    }

    /** A PNG of the whole page. */
    void screenshot(Path file) throws IOException {
        JsonNode shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    JsonNode send(String method, Map<String, Object> params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode answer = reply.get(20, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IOException(method + " failed: " + answer.path("error"));
            }
            return answer.path("result");
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.get(message.path("id").asInt());
            if (reply != null) {
                reply.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                    problems.add("console." + type + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                String level = params.path("entry").path("level").asText();
                if (level.equals("error") || level.equals("warning")) {
                    problems.add(level + " (" + params.path("entry").path("source").asText() + "): "
                            + params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText(""));
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    onMessage(JSON.readTree(text));
                } catch (IOException e) {
                    problems.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
