package dev.perf.track;

import dev.perf.analysis.Judgement;
import dev.perf.analysis.ThresholdResult;
import dev.perf.history.RunContext;
import dev.perf.history.RunRecord;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RunMetrics;
import dev.perf.monitor.ResourceSummary;
import dev.perf.report.JudgedRun;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A tracked test's run, judged: what the result files and the history are given, as a scenario's run is.
 *
 * @param source    the test class
 * @param resources what the monitor saw, or {@code null}
 */
record TrackedResult(RunResult result, ResourceSamples samples, Judgement judgement, Path directory, String test,
                     String source, Instant start, Instant end, RunMetrics metrics, List<ThresholdResult> thresholds,
                     ResourceSummary resources, Map<String, OperationCost> costs) implements JudgedRun {

    @Override
    public RunRecord record(RunContext context, Map<String, byte[]> documents) {
        return new RunRecord(result.runId(), test, source, null, start, end, judgement.recorded(), RunRecord.TRACKED,
                "operations tracked in " + source, metrics, thresholds, resources, false, context, documents, costs,
                null);
    }
}
