package dev.perf.run;

import dev.perf.analysis.RegressionCheck;
import dev.perf.analysis.ThresholdResult;
import dev.perf.report.AtomicFile;

import dev.perf.scenario.Printable;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdicts as test results, in the Surefire report format (surefire-test-report-3.0.xsd) that Jenkins, GitLab and
 * GitHub's test-report actions read: one {@code testsuite} named {@code perf}, each scenario's test cases under the
 * class name {@code perf.<scenario>} (so that a CI server groups them by scenario), with a test case per threshold
 * (a failure when breached, skipped when it could not be judged), one that the run completed (a failure when it
 * stopped early), one that the generator kept up, a test case per figure that regressed against the baseline (a
 * failure when that fails the build), and one for the rest of the comparison (skipped when nothing could be judged:
 * a first run's baseline is one test, not one per figure).
 */
final class JUnitXml implements InvocationSink {
    private final Path file;

    JUnitXml(Path file) {
        this.file = file;
    }

    @Override
    public void invocationEnded(RunReport report) throws IOException {
        write(report.outcomes(), file);
    }

    private static void write(List<ScenarioOutcome> outcomes, Path file) throws IOException {
        AtomicFile.write(file, stream -> {
            Writer out = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                List<Case> cases = new ArrayList<>();
                double seconds = 0;
                for (ScenarioOutcome outcome : outcomes) {
                    cases.addAll(cases(outcome));
                    seconds += outcome.run().metrics().elapsedSeconds();
                }
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", "perf");
                xml.writeAttribute("tests", Integer.toString(cases.size()));
                xml.writeAttribute("failures", Long.toString(cases.stream().filter(c -> "failure".equals(c.kind())).count()));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute("skipped", Long.toString(cases.stream().filter(c -> "skipped".equals(c.kind())).count()));
                xml.writeAttribute("time", seconds(seconds));
                for (Case c : cases) {
                    testCase(xml, c);
                }
                xml.writeCharacters("\n");
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
                out.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * One test case.
     *
     * @param kind    "failure", "skipped" or {@code null} for a pass
     * @param type    a failure's type: threshold, regression or run
     * @param message the failure's or skip's message
     * @param out     text for system-out, or {@code null}
     */
    private record Case(String suite, String name, String time, String kind, String type, String message,
                        String out) {
    }

    private static List<Case> cases(ScenarioOutcome outcome) {
        String suite = "perf." + outcome.scenario().name();
        List<Case> cases = new ArrayList<>();
        boolean saturated = outcome.generator().saturated();
        boolean failOnSaturation = outcome.saturationFails();
        String seconds = seconds(outcome.run().metrics().elapsedSeconds());
        boolean partial = outcome.run().partial();
        cases.add(new Case(suite, "run completed", seconds, partial ? "failure" : null, "run", partial
                ? "stopped early: " + (outcome.run().stopReason() != null ? outcome.run().stopReason() : "interrupted")
                : null, outcome.runDirectory().toString()));
        cases.add(new Case(suite, "generator kept up", "0", !saturated ? null : failOnSaturation ? "failure" : "skipped",
                "run", saturated ? "inconclusive: the load generator was saturated, so latency and throughput describe "
                + "it rather than the target: " + String.join("; ", outcome.generator().reasons()) : null, null));
        for (ThresholdResult t : outcome.thresholds()) {
            String kind = t.breached() ? "failure" : t.judged() ? null : "skipped";
            cases.add(new Case(suite, "threshold " + t.threshold().expression(), "0", kind, "threshold", t.describe(),
                    null));
        }
        List<RegressionCheck.Finding> rest = new ArrayList<>();
        for (RegressionCheck.Finding f : outcome.regressions()) {
            if (f.verdict() != RegressionCheck.Verdict.REGRESSED) {
                rest.add(f);
                continue;
            }
            String text = describe(f);
            String kind = outcome.failOnRegression() ? "failure" : null;
            cases.add(new Case(suite, "regression " + f.request() + " " + f.metric(), "0", kind, "regression", text,
                    kind == null ? text : null));
        }
        if (!rest.isEmpty()) {
            Map<RegressionCheck.Verdict, Long> counts = new EnumMap<>(RegressionCheck.Verdict.class);
            rest.forEach(f -> counts.merge(f.verdict(), 1L, Long::sum));
            StringBuilder summary = new StringBuilder();
            counts.forEach((verdict, n) -> summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ')
                    .append(verdict.name().toLowerCase(Locale.ROOT)));
            String lines = String.join("\n", rest.stream().map(JUnitXml::describe).toList());
            boolean nothingJudged = counts.keySet().equals(EnumSet.of(RegressionCheck.Verdict.INCONCLUSIVE));
            cases.add(new Case(suite, "against the baseline", "0", nothingJudged ? "skipped" : null, "regression",
                    nothingJudged ? "inconclusive: " + rest.size() + " figures compared, none could be told from the "
                            + "baseline's noise (" + rest.get(0).reason() + ")" : null,
                    rest.size() + " figures compared (" + summary + ")" + (outcome.regressions().size() > rest.size()
                            ? "; the regressed ones are test cases of their own" : "") + "\n" + lines));
        }
        return cases;
    }

    private static String describe(RegressionCheck.Finding f) {
        return f.request() + " " + f.metric() + ": " + f.verdict().name().toLowerCase(Locale.ROOT) + ": " + f.shown()
                + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", f.changePercent()))
                + "; " + f.reason();
    }

    private static void testCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", xml(c.name()));
        xml.writeAttribute("classname", xml(c.suite()));
        xml.writeAttribute("time", c.time());
        if (c.kind() != null) {
            xml.writeStartElement(c.kind());
            xml.writeAttribute("message", xml(c.message()));
            if (c.kind().equals("failure")) {
                xml.writeAttribute("type", c.type());
                xml.writeCharacters(xml(c.message()));
            }
            xml.writeEndElement();
        }
        if (c.out() != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xml(c.out()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** Text XML 1.0 can hold: control characters (which no XML 1.0 document may contain) escaped visibly. */
    private static String xml(String text) {
        return Printable.escapeKeepingLines(text);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
