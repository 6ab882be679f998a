package dev.perf.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard rendered from results shaped as perf:run writes them. */
class DashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVIL = "<script>alert('x')</script>";
    @TempDir
    Path out;

    private static ObjectNode stats(String name, long count) {
        ObjectNode s = JSON.createObjectNode();
        s.put("name", name);
        s.put("count", count);
        s.put("successRate", 99.5);
        s.put("rps", 100.0);
        ObjectNode latency = s.putObject("latencyMs");
        latency.put("min", 1.0);
        latency.put("avg", 4.5);
        latency.put("p50", 4.0);
        latency.put("p90", 7.0);
        latency.put("p95", 9.25);
        latency.putNull("p99");
        latency.put("max", 30.0);
        return s;
    }

    /** A run folder with summary.json (and resources.json), and the invocation's summary.json listing it. */
    private void results(int requests, int seconds) throws Exception {
        String runId = "20261127-080000-demo";
        Files.createDirectories(out.resolve(runId));
        ObjectNode summary = JSON.createObjectNode();
        summary.put("scenario", "demo " + EVIL);
        summary.put("runId", runId);
        summary.put("verdict", "failed");
        summary.put("status", "completed");
        summary.put("startTime", "2026-11-27T08:00:00Z");
        summary.put("baseUrl", "http://127.0.0.1:18080");
        summary.putObject("load").put("description", "100/s for 10s");
        ObjectNode overall = stats("ALL", 1000);
        ArrayNode spectrum = overall.putArray("latencySpectrumMs");
        for (int i = 0; i < 80; i++) {
            spectrum.addArray().add(100 * (1 - Math.pow(0.5, i / 5.0))).add(1.0 + i);
        }
        spectrum.addArray().add(100.0).add(90.0);
        overall.putObject("protocols").put("HTTP/1.1", 10).put("HTTP/2", 990);
        ObjectNode errors = overall.putObject("errors");
        errors.putObject("status").put("count", 5).put("firstMessage", "HTTP 503 " + EVIL);
        summary.set("overall", overall);
        ArrayNode list = summary.putArray("requests");
        for (int i = 0; i < requests; i++) {
            list.add(stats(i == 0 ? "get " + EVIL : "get-" + i, 10));
        }
        summary.putArray("flows").add(stats("journey " + EVIL, 40));
        ((ObjectNode) list.get(0)).putObject("checks").put("json $.id = ${id} " + EVIL, 7);
        ((ObjectNode) list.get(0)).putObject("errors").putObject("timeout").put("count", 2)
                .put("firstMessage", "read timed out");
        ArrayNode thresholds = summary.putArray("thresholds");
        thresholds.addObject().put("expression", "p95 <= 5ms").put("unit", "millis").put("actual", 9.25)
                .put("passed", false).put("judged", true);
        thresholds.addObject().put("expression", "p95 <= baseline * 1.1").put("unit", "millis").put("actual", 9.25)
                .put("passed", false).put("judged", false).put("note", "no baseline: first run");
        summary.putObject("generator").putArray("saturation").add("its CPU was busy " + EVIL);
        ObjectNode regressions = summary.putObject("regressions").put("tolerancePercent", 10.0);
        ArrayNode compared = regressions.putArray("figures");
        compared.addObject().put("request", "ALL").put("metric", "p95").put("current", 9.25).put("baselineMedian", 5.0)
                .put("baselineRuns", 4).put("changePercent", 85.0).put("verdict", "regressed").put("reason", "beyond");
        compared.addObject().put("request", "ALL").put("metric", "error-rate").put("current", 0.5)
                .put("baselineMedian", 0.0).put("baselineRuns", 1).put("verdict", "inconclusive")
                .put("reason", "1 run cannot tell noise from change");
        compared.addObject().put("request", "ALL").put("metric", "avg").put("current", 4.5).put("baselineMedian", 4.4)
                .put("baselineRuns", 4).put("changePercent", 2.3).put("verdict", "ok").put("reason", "within");
        ObjectNode timeSeries = summary.putObject("timeSeries");
        ArrayNode series = timeSeries.putArray("ALL");
        // the first request's own series: counts and failures, no breakdown by status or kind (as a run writes it)
        ArrayNode first = timeSeries.putArray("get " + EVIL);
        for (int t = 1; t <= seconds; t++) {
            first.addObject().put("t", t).put("seconds", 1.0).put("count", 10).put("failed", t % 7 == 0 ? 1 : 0)
                    .put("p50Ms", 4.0).put("p90Ms", 7.0).put("p95Ms", 8.0).put("p99Ms", 9.0).put("maxMs", 12.0);
        }
        for (int t = 1; t <= seconds; t++) {
            ObjectNode point = series.addObject().put("t", t).put("seconds", 1.0).put("count", 100)
                    .put("failed", t % 7 == 0 ? 3 : 0).put("p50Ms", 4.0).put("p90Ms", 7.0 + t % 5).putNull("p99Ms")
                    .put("maxMs", 20.0 + t % 11);
            point.putObject("statuses").put("200", t % 7 == 0 ? 97 : 100).put("503", t % 7 == 0 ? 3 : 0);
            if (t % 7 == 0) {
                point.putObject("errors").put("status", 3);
            }
        }
        if (requests < 10) {
            ObjectNode scalability = summary.putObject("scalability");
            scalability.put("steps", "concurrency");
            ArrayNode levels = scalability.putArray("levels");
            for (int n : new int[]{1, 2, 4, 8}) {
                levels.addObject().put("load", n).put("ran", true).put("avgMs", 10.0 * Math.max(1, n / 2))
                        .put("p95Ms", 12.0 * Math.max(1, n / 2)).put("successRate", 100.0).put("throughput", 100.0 * Math.min(n, 2));
            }
            scalability.putObject("breakpoint").put("text", "not reached up to 8 users");
            scalability.putObject("usl").put("fitted", true).put("lambda", 100.0).put("sigma", 0.5).put("kappa", 0.01)
                    .put("r2", 0.97).put("peakConcurrency", 7.07);
        }
        JSON.writeValue(out.resolve(runId).resolve("summary.json").toFile(), summary);
        ObjectNode resources = JSON.createObjectNode();
        ArrayNode samples = resources.putArray("samples");
        for (int t = 1; t <= Math.max(5, seconds); t++) {
            ObjectNode sample = samples.addObject().put("t", t);
            sample.putObject("machine").put("cpu", 20.0 + t % 9).put("memory", 2e9 + t).put("disk-read", 1e5 * (t % 3))
                    .put("disk-write", 2e5 * (t % 4)).put("net-sent", 1e4).put("net-received", 2e4)
                    .put("tcp-established", 40 + t % 6);
            sample.putObject("generator").put("cpu", 40.0 + t % 13).put("memory", 3e8).put("threads", 30);
            ObjectNode target = sample.putObject("target").put("cpu", 80.0 + t % 17).put("memory", 5e8 + t * 1e4)
                    .put("threads", 200).put("disk-read", 0).put("disk-write", 1e4 * (t % 5));
            if (t % 5 == 0) {
                target.put("connections", 50 + t % 3);
            }
        }
        JSON.writeValue(out.resolve(runId).resolve("resources.json").toFile(), resources);
        ObjectNode index = JSON.createObjectNode();
        index.put("verdict", "failed");
        index.putArray("runs").addObject().put("scenario", "demo").put("runId", runId);
        JSON.writeValue(out.resolve("summary.json").toFile(), index);
    }

    @Test
    void rendersIndexAndRunPagesWithEscapedTextAndSvgCharts() throws Exception {
        results(3, 20);
        Path index = new Dashboard().render(out);

        String indexHtml = Files.readString(index);
        String runHtml = Files.readString(out.resolve("20261127-080000-demo/index.html"));
        assertThat(out.resolve("dashboard.css")).exists();
        assertThat(indexHtml).contains("<a href=\"20261127-080000-demo/index.html\">20261127-080000-demo</a>")
                .contains("9.25");
        for (String html : new String[]{indexHtml, runHtml}) {
            // user and server text is text: escaped everywhere, never markup
            assertThat(html).doesNotContain("<script").doesNotContain(" style=").doesNotContain("src=")
                    .doesNotContain("href=\"http");
        }
        assertThat(runHtml).contains("demo &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("get &lt;script&gt;")
                .contains("HTTP 503 &lt;script&gt;")
                .contains("its CPU was busy &lt;script&gt;")
                .contains("<link rel=\"stylesheet\" href=\"../dashboard.css\">")
                .contains("<td class=\"fail\">fail</td><td>p95 &lt;= 5ms</td><td class=\"num\">9.25 ms</td>")
                .contains("<td class=\"inconclusive\">inconclusive</td>")
                .contains("n/a")
                .contains(" · responses over HTTP/1.1 10, HTTP/2 990</p>");
        // latency, throughput, p95 by request, statuses, failures over time; the spectrum; CPU, memory, disk, network,
        // connections; response time, success rate and throughput against load
        assertThat(svgCount(runHtml)).isEqualTo(14);
        assertThat(runHtml).contains("<h2>Flows</h2>").contains("<td class=\"name\">journey &lt;script&gt;")
                .contains("<td class=\"wrap\">json $.id = ${id} &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"
                        + "<td class=\"num\">7</td>");
        assertThat(runHtml).contains("<th scope=\"row\">breakpoint</th><td class=\"wrap\">not reached up to 8 users</td>")
                .contains("lambda 100.00/s per user, sigma 0.5000, kappa 0.010000, R² 0.970, peak at 7.1 users")
                .contains("USL fit");
        assertThat(pointsOf(runHtml)).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aRunWithPhaseTimesShowsWhereEachRequestsTimeGoes() throws Exception {
        results(2, 5);
        Path file = out.resolve("20261127-080000-demo/summary.json");
        ObjectNode summary = (ObjectNode) JSON.readTree(file.toFile());
        phases((ObjectNode) summary.get("overall"), 1000);
        phases((ObjectNode) summary.get("requests").get(0), 10);
        JSON.writeValue(file.toFile(), summary);
        new Dashboard().render(out);
        String runHtml = Files.readString(out.resolve("20261127-080000-demo/index.html"));

        assertThat(runHtml).contains("<h2>Phases</h2>").contains("> connect</th>").contains("> ttfb</th>")
                .doesNotContain("> tls</th>");
        // connect happened on 2 of 10 requests: its count is shown; ttfb on every one
        assertThat(runHtml).contains("<td class=\"num\">100 µs / 200 µs (2×)</td><td class=\"num\">3.00 ms / 6.00 ms</td>");
        assertThat(runHtml).as("a request without phase times").contains("<td class=\"name\">get-1</td>"
                + "<td class=\"num\">–</td><td class=\"num\">–</td><td></td>");
        // an average request: connect 0.12 ms x 2 / 10 = 0.024 ms, ttfb 3.5 ms
        assertThat(runHtml).contains("<title>connect: 0.024 ms per request (1%)</title>")
                .contains("<title>ttfb: 3.500 ms per request (99%)</title>");
        assertThat(runHtml).doesNotContain(" style=");
    }

    private static void phases(ObjectNode figures, long count) {
        ObjectNode phases = figures.putObject("phases");
        phases.putObject("connect").put("count", 2).put("avg", 0.12).put("p50", 0.1).put("p90", 0.2).put("p95", 0.2)
                .put("p99", 0.2).put("max", 0.2);
        phases.putObject("ttfb").put("count", count).put("avg", 3.5).put("p50", 3.0).put("p90", 5.0).put("p95", 6.0)
                .put("p99", 7.0).put("max", 8.0);
    }

    @Test
    void manyRequestsAndLongRunsStaySmall() throws Exception {
        results(200, 3600);
        new Dashboard().render(out);
        String runHtml = Files.readString(out.resolve("20261127-080000-demo/index.html"));
        assertThat(runHtml).contains("The 30 busiest requests are shown by name; 170 more are merged into \"other\"")
                .contains("<td class=\"name\">other (170 requests)</td><td class=\"num\">1,700</td>");
        // an hour of one-second points is downsampled for display; the page stays small
        Matcher paths = Pattern.compile("<path d=\"([^\"]*)\"").matcher(runHtml);
        while (paths.find()) {
            assertThat(paths.group(1).split("[ML]").length - 1).isLessThanOrEqualTo(SvgChart.MAX_POINTS);
        }
        // every chart of an hour-long run (11 of them) in well under 1 MB
        assertThat(svgCount(runHtml)).isEqualTo(11);
        assertThat(Files.size(out.resolve("20261127-080000-demo/index.html"))).isLessThan(1_000_000);
    }

    @Test
    void theRunPageReadsInOrderWithUnitsLevelsErrorsOverTimeAndAPagePerRequest() throws Exception {
        results(3, 20);
        new Dashboard().render(out);
        String run = Files.readString(out.resolve("20261127-080000-demo/index.html"));
        assertThat(run).contains("started 2026-11-27 08:00:00 UTC");
        assertThat(run.indexOf("<h2>Requests</h2>")).as("the requests come before the comparison with the baseline")
                .isLessThan(run.indexOf("<h2>Against the baseline</h2>"));
        assertThat(run).contains("3 figures compared with the median of earlier comparable runs: 1 within the "
                        + "tolerance or the baseline's noise, 1 changed, 1 inconclusive.")
                .contains("<td class=\"num\">9.25 ms</td><td class=\"num\">5 ms (median of 4 runs)</td>")
                .contains("<summary>1 inconclusive: the baseline cannot tell these changes from noise</summary>")
                .contains("<td class=\"num\">0.5%</td><td class=\"num\">0% (median of 1 run)</td>");
        // the level table: users offered, throughput and latency of each level
        assertThat(run).contains("<th scope=\"col\" class=\"num\">users</th><th scope=\"col\" class=\"num\">ok/s</th>")
                .contains("<tr><td>0</td><td class=\"num\">8</td><td class=\"num\">200.0</td>");
        // the errors, each with its failures per second over the run
        assertThat(run).containsPattern("<td>status</td><td class=\"num\">5</td><td><svg class=\"spark\"[^>]*"
                + "aria-label=\"status failures per second over the run: 20 intervals, from 0 to 3 /s");
        // the chart keys are HTML beside each chart; a sampled figure says so
        assertThat(run).contains("<ul class=\"legend\">").contains("target connections (sampled every 5 s)");
        // a page per request, linked from the table, with its own charts and escaped name
        Matcher link = Pattern.compile("<td class=\"name\"><a href=\"(requests/[^\"]+\\.html)\">get &lt;script&gt;")
                .matcher(run);
        assertThat(link.find()).isTrue();
        String request = Files.readString(out.resolve("20261127-080000-demo").resolve(link.group(1)));
        assertThat(request).contains("<h1>get &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>")
                .contains("<link rel=\"stylesheet\" href=\"../../dashboard.css\">")
                .contains("<dt>p95</dt><dd>9.25 ms</dd>")
                .contains("<td class=\"wrap\">json $.id = ${id} &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>")
                .doesNotContain("<script>");
        // a request's series has no failures by kind: its errors are a table, never a line of zeros
        assertThat(request).contains("<td>timeout</td><td class=\"num\">2</td><td class=\"wrap\">read timed out</td>")
                .doesNotContain("class=\"spark\"");
    }

    /** The charts on a page (not the legend keys and sparklines, which are small SVGs too). */
    private static int svgCount(String html) {
        return html.split("<svg class=\"chart\"", -1).length - 1;
    }

    /** The most points of any line: the 20 one-second points of the time series. */
    private static int pointsOf(String html) {
        Matcher m = Pattern.compile("<path d=\"([^\"]+)\"").matcher(html);
        int most = 0;
        while (m.find()) {
            most = Math.max(most, m.group(1).split("[ML]").length - 1);
        }
        return most;
    }
}
