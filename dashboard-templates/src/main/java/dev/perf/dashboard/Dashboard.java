package dev.perf.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the static dashboard from what perf:run wrote: {@code index.html} beside the invocation's summary.json
 * and one {@code index.html} in each run's folder, with {@code dashboard.css}. No script, no CDN, no inline style:
 * it opens from {@code file://} and under a strict Content-Security-Policy.
 */
public final class Dashboard {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Configuration freemarker;

    public Dashboard() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(Dashboard.class, "/dev/perf/dashboard");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setFallbackOnNullLoopVariable(false);
    }

    /**
     * @param output the folder perf:run wrote ({@code target/perf}): its summary.json lists the runs
     * @return the index page
     */
    public Path render(Path output) throws IOException {
        JsonNode index = JSON.readTree(output.resolve("summary.json").toFile());
        List<Map<String, Object>> runs = new ArrayList<>();
        for (JsonNode entry : index.path("runs")) {
            String runId = entry.path("runId").asText();
            Path folder = output.resolve(runId);
            Path summaryFile = folder.resolve("summary.json");
            if (!Files.isRegularFile(summaryFile)) {
                continue;
            }
            JsonNode summary = JSON.readTree(summaryFile.toFile());
            Path resourcesFile = folder.resolve("resources.json");
            JsonNode resources = Files.isRegularFile(resourcesFile) ? JSON.readTree(resourcesFile.toFile()) : null;
            Map<String, Object> run = RunView.of(summary, resources);
            write("run.ftlh", Map.of("run", run, "css", "../dashboard.css"), folder.resolve("index.html"));
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("scenario", run.get("scenario"));
            line.put("runId", runId);
            line.put("verdict", run.get("verdict"));
            line.put("status", run.get("status"));
            line.put("overall", run.get("overall"));
            line.put("link", runId + "/index.html");
            runs.add(line);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("verdict", index.path("verdict").asText());
        model.put("runs", runs);
        model.put("css", "dashboard.css");
        Path page = output.resolve("index.html");
        write("index.ftlh", model, page);
        try (InputStream css = Dashboard.class.getResourceAsStream("/dev/perf/dashboard/dashboard.css")) {
            Files.copy(css, output.resolve("dashboard.css"), StandardCopyOption.REPLACE_EXISTING);
        }
        return page;
    }

    private void write(String template, Map<String, Object> model, Path file) throws IOException {
        Template t = freemarker.getTemplate(template);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            t.process(model, out);
        } catch (TemplateException e) {
            throw new IOException("rendering " + template + " failed: " + e.getMessage(), e);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
