package dev.perf.dashboard;

import dev.perf.scenario.ThresholdParser;
import dev.perf.history.Digests;
import dev.perf.history.HistoryQuery;
import dev.perf.history.RunInfo;
import dev.perf.history.TrendPoint;
import dev.perf.report.AtomicFile;
import dev.perf.report.ResultJson;
import dev.perf.result.Figures;
import dev.perf.result.Invocation;
import dev.perf.result.Regressions;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;
import dev.perf.result.ScalabilityResult;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders the static dashboard into the results folder ({@code target/perf}): {@code index.html}, one
 * {@code <run>/index.html} per run, one {@code trends/<scenario>.html} per scenario of the history, and
 * {@code dashboard.css}. Runs of this build come from their result files; earlier runs from the copies the history
 * keeps. No script, no CDN, no inline style: it opens from {@code file://} and under a strict Content-Security-Policy.
 */
public final class Dashboard {
    private static final int SPARK_RUNS = 20;
    private final Configuration freemarker;
    private final Options options;

    /**
     * @param trendRuns the most recent runs per scenario a trend page shows (each gets its page)
     * @param trendDays the days the by-day trend covers
     */
    public record Options(int trendRuns, int trendDays) {
        public static Options defaults() {
            return new Options(100, 90);
        }
    }

    public Dashboard() {
        this(Options.defaults());
    }

    public Dashboard(Options options) {
        this.options = options;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(Dashboard.class, "/dev/perf/dashboard");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    /** Renders what perf:run wrote in {@code output}, without trends. */
    public Path render(Path output) throws IOException {
        return render(output, null);
    }

    /**
     * @param output  the results folder; its summary.json (when present) lists this build's runs
     * @param history the run history for trends and earlier runs, or {@code null}
     * @return the index page
     * @throws IOException when there is nothing to show, or a page cannot be written
     */
    public Path render(Path output, HistoryQuery history) throws IOException {
        Files.createDirectories(output);
        Map<String, String> trendFiles = new LinkedHashMap<>();
        List<String> scenarios = history == null ? List.of() : sql(history::scenarios);
        Set<String> tracked = history == null ? Set.of() : sql(history::trackedScenarios);
        scenarios.forEach(s -> trendFiles.put(s, "trends/" + slug(s) + ".html"));
        Set<String> pages = new HashSet<>();
        Map<String, Regressions> regressions = new HashMap<>();
        Map<String, ScalabilityResult> capacity = new HashMap<>();

        Path indexFile = output.resolve("summary.json");
        Invocation build = Files.isRegularFile(indexFile) ? ResultJson.read(indexFile, Invocation.class) : null;
        List<Map<String, Object>> buildRuns = new ArrayList<>();
        Map<String, Map<String, Object>> latestInBuild = new LinkedHashMap<>();
        if (build != null) {
            for (Invocation.Run entry : RunView.listed(build.runs())) {
                String runId = RunView.text(entry.runId());
                Path folder = output.resolve(runId);
                Path summaryFile = folder.resolve("summary.json");
                if (runId.isEmpty() || !Files.isRegularFile(summaryFile)) {
                    continue;
                }
                RunResult summary = ResultJson.read(summaryFile, RunResult.class);
                Path resourcesFile = folder.resolve("resources.json");
                ResourceSamples resources = Files.isRegularFile(resourcesFile)
                        ? ResultJson.read(resourcesFile, ResourceSamples.class) : null;
                Map<String, Object> run = runPage(output, runId, summary, resources, trendFiles);
                pages.add(runId);
                regressions.put(runId, summary.regressions());
                if (summary.scalability() != null) {
                    capacity.put(runId, summary.scalability());
                }
                Map<String, Object> line = indexLine(run, trendFiles.get((String) run.get("scenario")));
                buildRuns.add(line);
                latestInBuild.put((String) run.get("scenario"), line);
            }
        }

        List<Map<String, Object>> scenarioRows = new ArrayList<>();
        List<Map<String, Object>> trackedRows = new ArrayList<>();
        Instant now = Instant.now();
        for (String scenario : scenarios) {
            List<RunInfo> runs = sql(() -> history.runs(scenario, options.trendRuns(), 0, now));
            for (RunInfo run : runs) {
                if (!pages.contains(run.runId())) {
                    RunResult summary = document(history, run.runId(), "summary.json", RunResult.class);
                    if (summary != null) {
                        runPage(output, run.runId(), summary, document(history, run.runId(), "resources.json",
                                ResourceSamples.class), trendFiles);
                        pages.add(run.runId());
                        regressions.put(run.runId(), summary.regressions());
                        if (summary.scalability() != null) {
                            capacity.put(run.runId(), summary.scalability());
                        }
                    }
                }
            }
            Map<String, TrendPoint> figures = new LinkedHashMap<>();
            sql(() -> history.trend(scenario, "ALL", options.trendRuns(), 0, HistoryQuery.Grouping.RUN, now))
                    .forEach(p -> figures.put(p.label(), p));
            List<TrendPoint> days = sql(() -> history.trend(scenario, "ALL", 0, options.trendDays(),
                    HistoryQuery.Grouping.DAY, now));
            List<HistoryQuery.ChangePoint> changes = sql(() -> history.changePoints(scenario, "ALL",
                    ThresholdParser.metric("p95"), options.trendRuns()));
            Map<String, Object> trend = TrendView.of(new TrendView.Input(scenario, runs, figures, regressions, capacity,
                    days, changes, pages, tracked.contains(scenario)));
            Files.createDirectories(output.resolve("trends"));
            write("trend.ftlh", Map.of("trend", trend, "css", "../dashboard.css"), output.resolve(trendFiles.get(scenario)));
            (tracked.contains(scenario) ? trackedRows : scenarioRows)
                    .add(scenarioRow(scenario, runs, figures, pages, trendFiles.get(scenario)));
        }
        if (history == null) {
            latestInBuild.values().forEach(line -> scenarioRows.add(scenarioRowWithoutHistory(line)));
        }
        if (build == null && scenarioRows.isEmpty() && trackedRows.isEmpty()) {
            throw new IOException("nothing to show: no results in " + output + " (summary.json is missing) and no runs "
                    + "in the history");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("hasBuild", build != null);
        model.put("verdict", build == null ? "" : RunView.text(build.verdict()));
        model.put("runs", buildRuns);
        model.put("scenarios", scenarioRows);
        model.put("tracked", trackedRows);
        model.put("history", history != null);
        model.put("css", "dashboard.css");
        Path page = output.resolve("index.html");
        write("index.ftlh", model, page);
        try (InputStream css = Dashboard.class.getResourceAsStream("/dev/perf/dashboard/dashboard.css")) {
            Files.copy(css, output.resolve("dashboard.css"), StandardCopyOption.REPLACE_EXISTING);
        }
        return page;
    }

    private Map<String, Object> runPage(Path output, String runId, RunResult summary, ResourceSamples resources,
                                        Map<String, String> trendFiles) throws IOException {
        String trend = summary.scenario() == null ? null : trendFiles.get(summary.scenario());
        Map<String, Object> run = RunView.of(summary, resources, trend == null ? null : "../" + trend);
        Path folder = Files.createDirectories(output.resolve(runId));
        write("run.ftlh", Map.of("run", run, "css", "../dashboard.css"), folder.resolve("index.html"));
        List<Figures> requests = RequestTable.shown(RunView.listed(summary.requests()));
        if (!requests.isEmpty()) {
            Files.createDirectories(folder.resolve("requests"));
        }
        for (Figures request : requests) {
            write("request.ftlh", Map.of("request", RequestView.of(summary, request), "css", "../../dashboard.css"),
                    folder.resolve(RequestView.link(request)));
        }
        return run;
    }

    private static Map<String, Object> indexLine(Map<String, Object> run, String trendFile) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("scenario", run.get("scenario"));
        line.put("runId", run.get("runId"));
        line.put("verdict", run.get("verdict"));
        line.put("status", run.get("status"));
        line.put("overall", run.get("overall"));
        line.put("link", run.get("runId") + "/index.html");
        line.put("trendLink", trendFile == null ? "" : trendFile);
        return line;
    }

    private static Map<String, Object> scenarioRow(String scenario, List<RunInfo> runs, Map<String, TrendPoint> figures,
                                                   Set<String> pages, String trendFile) {
        RunInfo latest = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        TrendPoint figure = latest == null ? null : figures.get(latest.runId());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", scenario);
        row.put("verdict", latest == null ? "none" : latest.verdict());
        row.put("runId", latest == null ? "" : latest.runId());
        row.put("link", latest != null && pages.contains(latest.runId()) ? latest.runId() + "/index.html" : "");
        row.put("trendLink", trendFile);
        row.put("runs", runs.size());
        row.put("p95", figure == null ? Format.NONE : Format.fixed(figure.p95Ms(), 2));
        row.put("rps", figure == null ? Format.NONE : Format.fixed(figure.rps(), 1));
        row.put("count", figure == null ? Format.NONE : String.format(Locale.ROOT, "%,d", figure.count()));
        row.put("success", figure == null ? Format.NONE : Format.percent(figure.successRate()));
        List<Double> p95 = new ArrayList<>();
        List<RunInfo> recent = runs.subList(Math.max(0, runs.size() - SPARK_RUNS), runs.size());
        recent.forEach(r -> p95.add(figures.containsKey(r.runId()) ? figures.get(r.runId()).p95Ms() : null));
        String spark = SvgChart.spark("p95 of " + scenario + " over its recent runs", p95, "ms");
        row.put("spark", spark == null ? "" : spark);
        return row;
    }

    private static Map<String, Object> scenarioRowWithoutHistory(Map<String, Object> line) {
        @SuppressWarnings("unchecked")
        Map<String, Object> overall = (Map<String, Object>) line.get("overall");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("scenario", line.get("scenario"));
        row.put("verdict", line.get("verdict"));
        row.put("runId", line.get("runId"));
        row.put("link", line.get("link"));
        row.put("trendLink", "");
        row.put("runs", 1);
        row.put("p95", overall.get("p95"));
        row.put("rps", overall.get("rps"));
        row.put("success", overall.get("success"));
        row.put("spark", "");
        return row;
    }

    private static <T> T document(HistoryQuery history, String runId, String name, Class<T> type) throws IOException {
        byte[] bytes = sql(() -> history.document(runId, name));
        return bytes == null ? null : ResultJson.read(bytes, type);
    }

    /** A file name from a scenario name: readable, and unique (a hash tells apart names that read alike). */
    static String slug(String scenario) {
        String readable = scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (readable.length() > 60) {
            readable = readable.substring(0, 60);
        }
        String hash = Digests.sha256(scenario.getBytes(StandardCharsets.UTF_8)).substring(0, 8);
        return readable.equals(scenario) ? readable : (readable.isEmpty() ? "" : readable + "-") + hash;
    }

    private interface Query<T> {
        T get() throws SQLException;
    }

    private static <T> T sql(Query<T> query) throws IOException {
        try {
            return query.get();
        } catch (SQLException e) {
            throw new IOException("reading the run history failed: " + e.getMessage(), e);
        }
    }

    private void write(String template, Map<String, Object> model, Path file) throws IOException {
        Template t = freemarker.getTemplate(template);
        AtomicFile.write(file, stream -> {
            Writer out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
            try {
                t.process(model, out);
                out.flush();
            } catch (TemplateException e) {
                throw new IOException("rendering " + template + " failed: " + e.getMessage(), e);
            }
        });
    }
}
