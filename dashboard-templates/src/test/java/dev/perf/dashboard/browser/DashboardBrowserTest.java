package dev.perf.dashboard.browser;

import com.sun.net.httpserver.HttpServer;
import dev.perf.dashboard.Dashboard;
import dev.perf.engine.EngineOptions;
import dev.perf.history.HistoryQuery;
import dev.perf.history.HistoryStore;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.monitor.ResourceSummary;
import dev.perf.run.Console;
import dev.perf.run.HistoryOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import dev.perf.scenario.MonitorSpec;
import dev.perf.testing.TestServer;
import dev.perf.track.TrackSettings;
import dev.perf.track.TrackedHistory;
import dev.perf.track.TrackedRun;
import dev.perf.track.TrackedRunReport;
import dev.perf.track.TrackedThresholds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser (Debian's headless Chromium): results of real runs against a local server (a
 * load test run five times, so that it has a baseline, and a stepped test that breaks the server), rendered with
 * their history, then every page loaded from {@code file://} and from a local server that sends Jenkins' default
 * Content-Security-Policy. No page may log a console error (a blocked stylesheet or inline style would), every chart
 * must hold data points, the stylesheet must apply, and names with markup must show as text. Screenshots (light,
 * dark, at 1366 px; light at 390 px, a phone) land in {@code target/screenshots} for people to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class DashboardBrowserTest {
    static final String CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'self';";
    private static final String NAME = "customer <b>api</b> & co";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Path dir;
    private Path output;
    private HttpServer pages;
    private Chromium chromium;
    private Tab tab;

    @BeforeAll
    void renderRealRunsAndStartTheBrowser() throws Exception {
        Path binary = Chromium.find();
        if (binary == null && System.getenv("CI") != null) {
            throw new IllegalStateException("no chromium on the PATH: .ci/run installs Debian's chromium package");
        }
        assumeTrue(binary != null, "no chromium on the PATH (apt-get install chromium); browser tests skipped");
        dir = Files.createTempDirectory("perf-dashboard-browser");
        output = dir.resolve("out");
        try (TestServer fast = new TestServer().delayMillis(2);
             TestServer bounded = TestServer.boundedPool(2, 30).delayMillis(10)) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/load.yaml"), """
                    name: "%s"
                    target: { baseUrl: "http://127.0.0.1:${fast}" }
                    requests:
                      - { name: list-customers, path: /customers, weight: 3 }
                      - { name: get-customer, path: /customers/1 }
                    load: { rate: 80/s, duration: 2500ms }
                    monitor:
                      interval: 1s
                      target: { port: "${fast}" }
                    thresholds: [ "p95 <= 500ms", "p95 <= baseline * 3", "success-rate >= 99%%" ]
                    """.formatted(NAME));
            Files.writeString(dir.resolve("perf/steps.yaml"), """
                    name: steps
                    target: { baseUrl: "http://127.0.0.1:${bounded}" }
                    requests: [ { name: get, path: /customers/1 } ]
                    load: { rate: [40, 120, 300, 500], stepDuration: 1s }
                    monitor: { interval: 1s }
                    """);
            Map<String, String> properties = Map.of("fast", Integer.toString(fast.port()), "bounded",
                    Integer.toString(bounded.port()));
            HistoryOptions history = new HistoryOptions(dir.resolve("history.db").toString(), "dev.perf:browser:1",
                    dir, 0, 0, 5);
            // five runs of the load test: the last has a baseline of three comparable runs even when a cold first
            // run on a busy machine breaks its absolute threshold (p95 <= 500ms), which makes it not comparable
            for (int run = 0; run < 5; run++) {
                RunReport report = new PerfRunner(Console.SYSTEM).run(new RunOptions(dir.resolve("perf"),
                        run < 4 ? "load" : null, output, null, properties, Map.of("GIT_BRANCH", "main"),
                        EngineOptions.defaults().withIoThreads(1), null, history));
                assertThat(report.invalid()).as("the scenarios are valid").isEmpty();
            }
        }
        trackedRuns();
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db").toString())) {
            new Dashboard().render(output, new HistoryQuery(store));
        }
        pages = serveWithCsp(output);
        chromium = Chromium.launch(binary, dir.resolve("profile"));
        tab = chromium.open();
    }

    /** Three runs of a test tracked as perf-junit records it, the last one monitored for a second and a half. */
    private void trackedRuns() throws Exception {
        TrackSettings settings = new TrackSettings(true, dir.resolve("history.db").toString(), output, dir, 5, null,
                true);
        for (int r = 0; r < 3; r++) {
            ResourceMonitor monitor = r == 2 ? ResourceMonitor.start(MonitorSpec.defaults(), null, line -> { }) : null;
            TrackedRun run = new TrackedRun("CustomerClientTest");
            if (r == 2) {
                run.startSampling();
            }
            long until = System.nanoTime() + (r == 2 ? 1_500_000_000L : 0);
            do {
                for (int e = 0; e < 20; e++) {
                    TrackedRun.Execution execution = TrackedRun.begin();
                    Thread.sleep(2);
                    execution.end(run, "create-customer", null);
                    execution = TrackedRun.begin();
                    Thread.sleep(1);
                    execution.end(run, "read-customer", e == 7 ? new AssertionError("expected 200, was 404") : null);
                }
            } while (System.nanoTime() < until);
            ResourceSummary resources = monitor == null ? null : new ResourceSummary(monitor.stop());
            try (TrackedHistory history = new TrackedHistory(settings, run.test(), line -> { })) {
                TrackedRunReport.finish(run, "dev.example.CustomerClientTest",
                        List.of(TrackedThresholds.parse("success-rate >= 90%", null)), List.of(), resources, settings,
                        history, line -> { });
            }
        }
    }

    @AfterAll
    void stop() {
        if (tab != null) {
            tab.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (pages != null) {
            pages.stop(0);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException | java.io.UncheckedIOException e) {
                // a temp folder left behind is harmless; Chromium may still be removing files of its profile while
                // the walk lists them
            }
        }
    }

    @Test
    void everyPageRendersCompletelyFromFileAndUnderJenkinsCsp() throws Exception {
        List<Path> all = htmlPages();
        assertThat(all).as("index, a trend page per scenario, a page per run").hasSizeGreaterThanOrEqualTo(1 + 2 + 6);
        for (Path page : all) {
            assertRendersCleanly(output, page, pages);
        }
    }

    /**
     * The sample scenarios' own dashboard, when {@code mvn install -Pdemo} has rendered it (CI does, before the
     * tests): real runs of the load, stress, scalability, spike and soak samples, with their history.
     */
    @Test
    void theSampleScenariosDashboardRendersCompletelyToo() throws Exception {
        Path samples = Path.of("..", "sample-scenarios", "target", "perf").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(samples.resolve("index.html")),
                "no sample results: mvn install -Pdemo renders them (CI runs it before the tests)");
        HttpServer server = serveWithCsp(samples);
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                assertRendersCleanly(samples, page, server);
                String name = samples.relativize(page).toString().replace('/', '_').replace(".html", "");
                // the index, the trends, and the stepped samples' run pages (folders <time>-<scenario>-<suffix>)
                if (name.equals("index") || name.matches(".*-(scalability|stress)-[a-z0-9]+_index")
                        || name.startsWith("trends_")) {
                    screenshots(page, "samples-" + name.replaceAll("^[0-9]+-[0-9]+-", ""));
                }
            }
        } finally {
            server.stop(0);
        }
    }

    private void assertRendersCleanly(Path root, Path page, HttpServer server) throws IOException {
        String relative = root.relativize(page).toString().replace('\\', '/');
        for (String url : List.of(page.toUri().toString(), "http://127.0.0.1:" + server.getAddress().getPort() + "/"
                + relative)) {
            tab.emulate(1366, 900, false);
            tab.navigate(url);
            assertThat(tab.problems()).as("console of " + url).isEmpty();
            assertThat(tab.computedStyle("body", "max-width")).as("dashboard.css applies on " + url)
                    .isEqualTo("1216px");
            String html = tab.html();
            for (String svg : charts(html)) {
                assertThat(svg).as("a chart on " + url + " holds data points")
                        .containsPattern("<path d=\"M[0-9]");
            }
            assertThat(html).as("markup in names is text on " + url).doesNotContain("<b>api</b>");
            if (relative.startsWith("trends/")) {
                assertThat(tab.number("Math.max(...[...document.querySelectorAll('table')]"
                        + ".map(t => t.scrollWidth - t.clientWidth))")).as("tables of " + url + " fit 1366 px")
                        .isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void theRunPageShowsTablesChartsAndEscapedNames() throws Exception {
        Path runPage = runPages("customer").get(4);
        tab.emulate(1366, 900, false);
        tab.navigate(runPage.toUri().toString());
        String html = tab.html();
        assertThat(html).contains("customer &lt;b&gt;api&lt;/b&gt; &amp; co").contains("list-customers");
        assertThat(charts(html)).hasSizeGreaterThanOrEqualTo(6);
        for (String title : List.of("Latency over time", "Responses per second", "In flight and users",
                "p95 by request over time", "Responses by status code", "Latency distribution", "CPU", "Memory",
                "Connections and threads")) {
            assertThat(html).as(title).contains("aria-label=\"" + title + "\"");
        }
        assertThat(html).contains("Against the baseline").contains("<ul class=\"legend\">")
                .containsPattern("started 20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC, ran ");
        assertThat(html.indexOf("<h2>Requests</h2>")).isLessThan(html.indexOf("<h2>Against the baseline</h2>"));
        screenshots(runPage, "run-load");

        // each request's own page, linked from the table
        Matcher link = Pattern.compile("<a href=\"(requests/[^\"]+)\">list-customers</a>").matcher(html);
        assertThat(link.find()).as("the request table links list-customers' page").isTrue();
        Path requestPage = runPage.resolveSibling(link.group(1));
        tab.navigate(requestPage.toUri().toString());
        String request = tab.html();
        assertThat(request).contains("<h1>list-customers</h1>").contains("aria-label=\"Latency over time\"")
                .contains("aria-label=\"Latency distribution\"").contains("<dt>p99</dt>");
        screenshots(requestPage, "request-list-customers");
    }

    /**
     * On a 390 px phone: the page does not scroll sideways (a wide table scrolls inside itself, its caption wrapped
     * to the screen), chart text stays about 10 px tall although the chart is drawn at half its size, and the keys
     * are page text.
     */
    @Test
    void onAPhoneChartsStayReadableAndOnlyTablesScrollSideways() throws Exception {
        tab.emulate(390, 844, false);
        try {
            for (Path page : List.of(runPages("customer").get(4), runPages("steps").get(0),
                    output.resolve("trends/steps.html"), output.resolve("index.html"))) {
                tab.navigate(page.toUri().toString());
                assertThat(tab.number("document.documentElement.scrollWidth")).as("page width of " + page)
                        .isLessThanOrEqualTo(390);
                assertThat(tab.number("Math.max(...[...document.querySelectorAll('caption')]"
                        + ".map(c => c.getBoundingClientRect().width), 0)")).as("captions fit the screen on " + page)
                        .isLessThanOrEqualTo(390);
                if (tab.number("document.querySelectorAll('svg.chart').length") > 0) {
                    assertThat(tab.number("document.querySelector('svg.chart .axis').getBoundingClientRect().height"))
                            .as("axis text height on " + page).isGreaterThanOrEqualTo(9);
                    assertThat(tab.number("parseFloat(getComputedStyle(document.querySelector('ul.legend li'))"
                            + ".fontSize)")).as("key text size on " + page).isGreaterThanOrEqualTo(11);
                }
            }
        } finally {
            tab.emulate(1366, 900, false);
        }
    }

    @Test
    void theSteppedRunShowsScalabilityWithMarkersAndFailuresByStatus() throws Exception {
        Path runPage = runPages("steps").get(0);
        tab.emulate(1366, 900, false);
        tab.navigate(runPage.toUri().toString());
        String html = tab.html();
        assertThat(html).contains("aria-label=\"Throughput against load\"").contains("aria-label=\"Failures by kind\"")
                .contains("HTTP 503").contains("class=\"marker\"");
        // the level table, as the console has it
        assertThat(html).contains("<th scope=\"col\">level</th><th scope=\"col\" class=\"num\">offered</th>"
                + "<th scope=\"col\" class=\"num\">ok/s</th>").contains("<td class=\"num\">500/s</td>");
        screenshots(runPage, "run-steps");

        // its trend: the breakpoint and the sustained throughput over builds
        Path trend = output.resolve("trends/steps.html");
        tab.navigate(trend.toUri().toString());
        assertThat(tab.number("Math.max(...[...document.querySelectorAll('table')].map(t => t.scrollWidth - t.clientWidth))"))
                .as("every table of the stepped trend page fits a 1366 px screen").isLessThanOrEqualTo(0);
        assertThat(tab.html()).contains("aria-label=\"Capacity across runs\"")
                .contains("<th scope=\"col\" class=\"num narrow\">breakpoint</th>")
                .doesNotContain("aria-label=\"Throughput across runs\"");
        screenshots(trend, "trend-steps");
    }

    @Test
    void theTrendPageLinksEachRunAndTheIndexHasSparklines() throws Exception {
        Path index = output.resolve("index.html");
        tab.emulate(1366, 900, false);
        tab.navigate(index.toUri().toString());
        String indexHtml = tab.html();
        assertThat(indexHtml).contains("<svg class=\"spark\"").contains("trend of 5 runs");
        screenshots(index, "index");

        Path trend;
        try (Stream<Path> files = Files.list(output.resolve("trends"))) {
            trend = files.filter(f -> f.getFileName().toString().startsWith("customer-")).findFirst().orElseThrow();
        }
        tab.navigate(trend.toUri().toString());
        String html = tab.html();
        assertThat(html).contains("aria-label=\"Latency across runs\"").contains("class=\"band\"");
        assertThat(tab.number("Math.max(...[...document.querySelectorAll('table')].map(t => t.scrollWidth - t.clientWidth))"))
                .as("every table of the trend page fits a 1366 px screen without scrolling").isLessThanOrEqualTo(0);
        Matcher links = Pattern.compile("<a href=\"\\.\\./([0-9A-Za-z_.-]+)/index\\.html\"><circle").matcher(html);
        List<String> linked = new ArrayList<>();
        while (links.find()) {
            linked.add(links.group(1));
        }
        assertThat(linked).as("points link to their runs").isNotEmpty()
                .allSatisfy(run -> assertThat(output.resolve(run).resolve("index.html")).exists());
        screenshots(trend, "trend");
    }

    @Test
    void trackedTestsHaveTheirSectionRunPageAndCostTrends() throws Exception {
        Path index = output.resolve("index.html");
        tab.emulate(1366, 900, false);
        tab.navigate(index.toUri().toString());
        assertThat(tab.html()).contains("<h2>Tracked tests</h2>").contains("<td>CustomerClientTest</td>");

        Path runPage = runPages("CustomerClientTest").get(2);
        tab.navigate(runPage.toUri().toString());
        String html = tab.html();
        assertThat(html).contains("<h2>Operations</h2>").contains("<h2>Cost per execution</h2>")
                .contains("AssertionError: expected 200, was 404").contains("aria-label=\"CPU\"")
                .contains("aria-label=\"Duration over time\"").contains("aria-label=\"Executions per second\"");
        screenshots(runPage, "run-tracked");

        Path trend;
        try (Stream<Path> files = Files.list(output.resolve("trends"))) {
            trend = files.filter(f -> f.getFileName().toString().startsWith("customerclienttest")).findFirst()
                    .orElseThrow();
        }
        tab.navigate(trend.toUri().toString());
        assertThat(tab.html()).contains("aria-label=\"CPU time per execution across runs\"")
                .contains("aria-label=\"Heap allocated per execution across runs\"");
        screenshots(trend, "trend-tracked");
    }

    private void screenshots(Path page, String name) throws IOException {
        String url = page.toUri().toString();
        tab.emulate(1366, 900, false);
        tab.navigate(url);
        tab.screenshot(SCREENSHOTS.resolve(name + "-light.png"));
        tab.emulate(1366, 900, true);
        tab.navigate(url);
        tab.screenshot(SCREENSHOTS.resolve(name + "-dark.png"));
        tab.emulate(390, 844, false);
        tab.navigate(url);
        tab.screenshot(SCREENSHOTS.resolve(name + "-phone.png"));
        tab.emulate(1366, 900, false);
    }

    private List<Path> htmlPages() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The run pages of a scenario whose folder name starts with {@code prefix}, oldest first. */
    private List<Path> runPages(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> f.getFileName().toString().contains("-" + prefix))
                    .map(f -> f.resolve("index.html")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<String> charts(String html) {
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("<svg class=\"chart\".*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            charts.add(m.group());
        }
        return charts;
    }

    /** Serves the folder with the CSP header Jenkins sends by default, as a CI server's artifact view would. */
    private static HttpServer serveWithCsp(Path root) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream");
            exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }
}
