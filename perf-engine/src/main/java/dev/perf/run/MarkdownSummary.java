package dev.perf.run;

import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.ThresholdResult;
import dev.perf.analysis.Verdict;
import dev.perf.metrics.RequestStats;
import dev.perf.report.AtomicFile;
import dev.perf.report.Cells;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The invocation as a Markdown job summary ({@code target/perf/summary.md}), and appended to the file GitHub Actions
 * names in {@code $GITHUB_STEP_SUMMARY}: the verdict, each scenario's requests, breached thresholds and regressions,
 * and where the dashboard is. Names and messages are escaped: GitHub renders HTML inside Markdown.
 */
final class MarkdownSummary implements InvocationSink {
    static final String GITHUB_STEP_SUMMARY = "GITHUB_STEP_SUMMARY";
    private final Path output;
    private final Map<String, String> env;
    private final Console console;

    /** @param env where {@value #GITHUB_STEP_SUMMARY} is looked up */
    MarkdownSummary(Path output, Map<String, String> env, Console console) {
        this.output = output;
        this.env = env;
        this.console = console;
    }

    static String render(RunReport report) {
        Verdict verdict = report.verdict();
        List<String> md = new ArrayList<>();
        md.add("## perf: " + (verdict == Verdict.FAILED ? "FAILED" : verdict.key())
                + (report.aborted() ? " (interrupted)" : ""));
        md.add("");
        report.problems().forEach(p -> md.add("- ❌ " + escape(p)));
        if (!report.problems().isEmpty()) {
            md.add("");
        }
        for (ScenarioOutcome outcome : report.outcomes()) {
            scenario(md, outcome);
        }
        md.add("Dashboard: `target/perf/index.html` (publish `target/perf/` as an artifact to open it from the job). "
                + "Test results for CI: `target/perf/junit.xml`.");
        return String.join("\n", md) + "\n";
    }

    @Override
    public void invocationEnded(RunReport report) throws IOException {
        String text = render(report);
        Path file = output.resolve("summary.md");
        AtomicFile.writeString(file, text);
        String step = env.get(GITHUB_STEP_SUMMARY);
        if (step != null && !step.isBlank()) {
            try {
                Files.writeString(Path.of(step), text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException | RuntimeException e) {
                console.warn("the job summary could not be appended to $" + GITHUB_STEP_SUMMARY + " (" + step + "): "
                        + e.getMessage());
            }
        }
    }

    /** One scenario: its verdict line, request table, breaches and regressions. */
    private static void scenario(List<String> md, ScenarioOutcome outcome) {
        var m = outcome.run().metrics();
        Verdict verdict = outcome.verdict();
        md.add("### " + switch (verdict) {
            case PASSED -> "✅ ";
            case FAILED -> "❌ ";
            case INCONCLUSIVE -> "⚠️ ";
        } + escape(outcome.scenario().name()) + " — " + verdict.key()
                + (outcome.run().partial() ? " (partial" + (outcome.run().stopReason() == null ? ""
                : ": " + escape(outcome.run().stopReason())) + ")" : ""));
        md.add("");
        md.add(escape(outcome.scenario().load().describe()) + String.format(Locale.ROOT,
                "; %.1f s of load. Latency in ms from each request's intended send time.", m.elapsedSeconds()));
        md.add("");
        md.add("| request | count | success | req/s | p50 | p95 | p99 | max |");
        md.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        m.byRequest().values().forEach(s -> md.add(row(s.name(), s)));
        if (m.byRequest().size() != 1) {
            md.add(row("**all**", m.overall()));
        }
        md.add("");
        List<ThresholdResult> breaches = outcome.breaches();
        if (!breaches.isEmpty()) {
            md.add("Breached thresholds:");
            breaches.forEach(b -> md.add("- `" + code(b.describe()) + "`"));
            md.add("");
        }
        List<String> inconclusive = outcome.inconclusive();
        if (!inconclusive.isEmpty()) {
            md.add("Not judged (inconclusive, not failing the build):");
            inconclusive.forEach(i -> md.add("- `" + code(i.substring("inconclusive: ".length())) + "`"));
            md.add("");
        }
        if (breaches.isEmpty() && inconclusive.isEmpty() && !outcome.thresholds().isEmpty()) {
            md.add("All " + outcome.thresholds().size() + " thresholds held.");
            md.add("");
        }
        List<RegressionCheck.Finding> regressed = outcome.regressions().stream()
                .filter(f -> f.verdict() == RegressionCheck.Verdict.REGRESSED).toList();
        if (!regressed.isEmpty()) {
            md.add("Regressions against the baseline" + (outcome.failOnRegression() ? "" : " (reported, not failing)")
                    + ":");
            regressed.forEach(f -> md.add("- " + escape(f.request() + " " + f.metric() + ": " + f.shown())
                    + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", f.changePercent()))));
            md.add("");
        }
    }

    private static String row(String name, RequestStats s) {
        return "| " + (name.startsWith("**") ? name : escape(name)) + " | " + Cells.count(s.count()) + " | "
                + Cells.percent(s.successRatePercent()) + " | " + Cells.rate(s.rps()) + " | "
                + Cells.millis(s.percentileMillis(50)) + " | " + Cells.millis(s.percentileMillis(95)) + " | "
                + Cells.millis(s.percentileMillis(99)) + " | " + Cells.millis(s.maxMillis()) + " |";
    }

    /** Text safe in Markdown and in the HTML GitHub renders from it. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : dev.perf.scenario.Printable.escape(text.replace('\n', ' ').replace('\r', ' ')).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|' -> out.append("\\|");
                case '*', '_', '`', '[', ']', '#', '\\' -> out.append('\\').append(c);
                default -> out.append(c == '\n' || c == '\r' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Text inside a code span: no backticks, no line breaks. */
    private static String code(String text) {
        return dev.perf.scenario.Printable.escape(text.replace('`', '\'').replace('\n', ' ').replace('\r', ' '));
    }
}
