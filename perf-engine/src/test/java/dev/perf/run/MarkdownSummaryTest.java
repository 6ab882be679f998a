package dev.perf.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job summary says what the invocation's summary.json says: a problem besides the runs fails it too. */
class MarkdownSummaryTest {

    @Test
    void aRunThatCouldNotBeRecordedMakesTheSummaryFailedAndSaysWhy() {
        String md = MarkdownSummary.render(new RunReport(List.of(), List.of(), false,
                List.of("run r1 of <home> was not recorded: the history is read-only")));
        assertThat(md).startsWith("## perf: FAILED\n")
                .contains("- ❌ run r1 of &lt;home&gt; was not recorded: the history is read-only");
        assertThat(MarkdownSummary.render(new RunReport(List.of(), List.of(), false))).startsWith("## perf: passed\n");
    }
}
