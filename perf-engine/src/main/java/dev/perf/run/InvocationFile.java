package dev.perf.run;

import dev.perf.analysis.ThresholdResult;
import dev.perf.report.ResultJson;
import dev.perf.report.SummaryJson;
import dev.perf.result.Invocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The invocation's {@code summary.json}: its verdict, what went wrong besides the runs, and each run's verdict. */
final class InvocationFile implements InvocationSink {
    private final Path output;

    InvocationFile(Path output) {
        this.output = output;
    }

    @Override
    public void invocationEnded(RunReport report) throws IOException {
        write(output, report);
    }

    static void write(Path output, RunReport report) throws IOException {
        List<Invocation.Run> runs = report.outcomes().stream().map(o -> new Invocation.Run(o.scenario().name(),
                o.runId(), o.verdict().key(), o.run().partial() ? Invocation.PARTIAL : Invocation.COMPLETED,
                o.runId() + "/summary.json", o.breaches().stream().map(ThresholdResult::describe).toList(),
                o.failures(), o.inconclusive())).toList();
        ResultJson.write(new Invocation(SummaryJson.SCHEMA_VERSION, report.verdict().key(),
                report.aborted() ? Invocation.PARTIAL : Invocation.COMPLETED, null, null, report.problems(), runs),
                output.resolve("summary.json"));
    }
}
