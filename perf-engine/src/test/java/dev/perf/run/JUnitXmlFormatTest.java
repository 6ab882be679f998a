package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.testing.TestServer;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * junit.xml as CI servers read it: after real runs (one with a breached threshold, a threshold that waits for a
 * baseline and a first baseline of one run), it keeps to the Surefire test report format (surefire-test-report-3.0.xsd:
 * one {@code testsuite} root, only the attributes it defines, a failure's {@code type}, times as it writes them) and
 * reads back through the parser Maven's surefire-report plugin uses, with the counts the run decided.
 */
@Timeout(60)
class JUnitXmlFormatTest {
    private static final Set<String> SUITE_ATTRIBUTES = Set.of("name", "tests", "failures", "errors", "skipped",
            "time", "version", "group");
    private static final Set<String> CASE_ATTRIBUTES = Set.of("name", "classname", "group", "time");
    private static final Set<String> CASE_CHILDREN = Set.of("failure", "skipped", "error", "system-out", "system-err");

    @TempDir
    Path dir;

    @Test
    void keepsToTheSurefireFormatAndAFirstBaselineIsOneTest() throws Exception {
        try (TestServer server = new TestServer().delayMillis(2)) {
            Files.createDirectories(dir.resolve("perf"));
            Files.writeString(dir.resolve("perf/report.yaml"), """
                    name: report
                    target: { baseUrl: "http://127.0.0.1:${port}" }
                    requests:
                      - { name: home, path: / }
                      - { name: item, path: /items/1 }
                    load: { concurrency: 2, iterations: 40 }
                    monitor: { enabled: false }
                    thresholds: [ "p50 <= ${p50}", "p95 <= baseline * 20", "success-rate >= 99%" ]
                    """);
            // a passing first run is the baseline; the second breaks a threshold
            new PerfRunner(new RecordingConsole()).run(options(server, "10s"));
            RunReport second = new PerfRunner(new RecordingConsole()).run(options(server, "1us"));
            assertThat(second.outcomes().get(0).regressions()).as("figures compared with a baseline of one run")
                    .hasSizeGreaterThan(4);
        }
        Path junit = dir.resolve("out/junit.xml");

        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile())
                .getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(attributes(suite)).isSubsetOf(SUITE_ATTRIBUTES)
                .contains("name", "tests", "failures", "errors", "skipped");
        assertThat(suite.getAttribute("time")).matches("[0-9]+\\.[0-9]{3}");
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertThat(attributes(c)).isSubsetOf(CASE_ATTRIBUTES).contains("name", "time");
            assertThat(c.getAttribute("time")).matches("[0-9]+(\\.[0-9]{1,3})?");
            assertThat(c.getAttribute("classname")).isEqualTo("perf.report");
            for (Node child = c.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element e) {
                    assertThat(e.getTagName()).isIn(CASE_CHILDREN);
                    if (e.getTagName().equals("failure")) {
                        assertThat(e.getAttribute("type")).isIn("threshold", "regression", "run");
                    }
                }
            }
        }

        List<ReportTestSuite> parsed = new TestSuiteXmlParser(new NullConsoleLogger()).parse(junit.toString());
        assertThat(parsed).hasSize(1);
        ReportTestSuite read = parsed.get(0);
        // run completed, generator kept up, 3 thresholds, the default gate count >= 1, and the baseline comparison
        assertThat(read.getNumberOfTests()).isEqualTo(2 + 3 + 1 + 1);
        assertThat(read.getNumberOfFailures()).isEqualTo(1);
        assertThat(read.getNumberOfErrors()).isZero();
        List<ReportTestCase> skipped = read.getTestCases().stream().filter(ReportTestCase::hasSkipped).toList();
        assertThat(skipped).extracting(ReportTestCase::getName).contains("threshold p95 <= baseline * 20")
                .allMatch(name -> name.startsWith("threshold") || name.equals("against the baseline")
                        || name.equals("generator kept up"));
        assertThat(read.getTestCases()).filteredOn(ReportTestCase::hasFailure).extracting(ReportTestCase::getName)
                .containsExactly("threshold p50 <= 1us");
        // the comparison with a baseline of one run is one test case (skipped when none of its figures could be
        // judged), not one per figure
        assertThat(read.getTestCases()).extracting(ReportTestCase::getName).filteredOn(n -> n.contains("baseline")
                && !n.startsWith("threshold")).containsExactly("against the baseline");
        assertThat(Files.readString(junit)).containsPattern("[0-9]+ figures compared \\(([0-9]+ (ok|improved|"
                + "inconclusive)(, )?)+\\)");
    }

    private RunOptions options(TestServer server, String p50) {
        return new RunOptions(dir.resolve("perf"), null, dir.resolve("out"), null,
                Map.of("port", Integer.toString(server.port()), "p50", p50), Map.of("GIT_BRANCH", "main"),
                EngineOptions.defaults().withIoThreads(1), null,
                new HistoryOptions(dir.resolve("history.db").toString(), "dev.perf:test:1", dir, 0, 0, 5));
    }

    private static Set<String> attributes(Element e) {
        NamedNodeMap map = e.getAttributes();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < map.getLength(); i++) {
            names.add(map.item(i).getNodeName());
        }
        return names;
    }
}
