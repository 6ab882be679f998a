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
import java.util.List;
import java.util.Locale;

/**
 * The verdicts as test results, in the Surefire report format that Jenkins, GitLab and GitHub read: a test suite per
 * scenario, a test case per threshold (a failure when breached, skipped when it had no baseline to judge against),
 * a test case per figure compared with the baseline (a failure when it regressed and that fails the build), and one
 * that the run completed (a failure when it stopped early).
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
                xml.writeStartElement("testsuites");
                xml.writeAttribute("name", "perf");
                for (ScenarioOutcome outcome : outcomes) {
                    suite(xml, outcome);
                }
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
                out.flush();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static void suite(XMLStreamWriter xml, ScenarioOutcome outcome) throws XMLStreamException {
        String suite = "perf." + outcome.scenario().name();
        List<ThresholdResult> thresholds = outcome.thresholds();
        List<RegressionCheck.Finding> regressions = outcome.regressions();
        boolean saturated = outcome.generator().saturated();
        boolean failOnSaturation = outcome.saturationFails();
        int tests = 2 + thresholds.size() + regressions.size();
        long failures = (outcome.run().partial() ? 1 : 0) + (failOnSaturation ? 1 : 0)
                + thresholds.stream().filter(ThresholdResult::breached).count()
                + (outcome.failOnRegression() ? regressions.stream()
                .filter(f -> f.verdict() == RegressionCheck.Verdict.REGRESSED).count() : 0);
        long skipped = (saturated && !failOnSaturation ? 1 : 0) + thresholds.stream().filter(t -> !t.judged()).count()
                + regressions.stream().filter(f -> f.verdict() == RegressionCheck.Verdict.INCONCLUSIVE).count();
        double seconds = outcome.run().metrics().elapsedSeconds();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xml(suite));
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(skipped));
        xml.writeAttribute("time", seconds(seconds));
        xml.writeAttribute("timestamp", outcome.run().startTime().toString());

        testCase(xml, suite, "run completed", seconds(seconds), outcome.run().partial() ? "failure" : null,
                outcome.run().partial() ? "stopped early: " + (outcome.run().stopReason() != null
                        ? outcome.run().stopReason() : "interrupted") : null, outcome.runDirectory().toString());
        testCase(xml, suite, "generator kept up", "0", !saturated ? null : failOnSaturation ? "failure" : "skipped",
                saturated ? "inconclusive: the load generator was saturated, so latency and throughput describe it "
                        + "rather than the target: " + String.join("; ", outcome.generator().reasons()) : null, null);
        for (ThresholdResult t : thresholds) {
            String kind = t.breached() ? "failure" : t.judged() ? null : "skipped";
            testCase(xml, suite, "threshold " + t.threshold().expression(), "0", kind, t.describe(), null);
        }
        for (RegressionCheck.Finding f : regressions) {
            String name = "regression " + f.request() + " " + f.metric();
            String text = f.verdict().name().toLowerCase(Locale.ROOT) + ": " + f.shown()
                    + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", f.changePercent()))
                    + "; " + f.reason();
            String kind = switch (f.verdict()) {
                case REGRESSED -> outcome.failOnRegression() ? "failure" : null;
                case INCONCLUSIVE -> "skipped";
                default -> null;
            };
            testCase(xml, suite, name, "0", kind, text, kind == null ? text : null);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    /**
     * @param kind    "failure", "skipped" or {@code null} for a pass
     * @param message the failure's or skip's message
     * @param out     text for system-out, or {@code null}
     */
    private static void testCase(XMLStreamWriter xml, String suite, String name, String time, String kind,
                                 String message, String out) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", xml(name));
        xml.writeAttribute("classname", xml(suite));
        xml.writeAttribute("time", time);
        if (kind != null) {
            xml.writeStartElement(kind);
            xml.writeAttribute("message", xml(message));
            if (kind.equals("failure")) {
                xml.writeAttribute("type", name.startsWith("threshold") ? "threshold" : name.startsWith("regression")
                        ? "regression" : "run");
                xml.writeCharacters(xml(message));
            }
            xml.writeEndElement();
        }
        if (out != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xml(out));
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
