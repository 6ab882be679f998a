package dev.perf.report;

import dev.perf.analysis.Judgement;
import dev.perf.history.RunContext;
import dev.perf.history.RunRecord;
import dev.perf.result.ResourceSamples;
import dev.perf.result.RunResult;

import java.nio.file.Path;
import java.util.Map;

/** A run that ended and was judged, a scenario's or a tracked test's: what every {@link RunSink} is given. */
public interface JudgedRun {

    /** The run as its summary.json says it. */
    RunResult result();

    /** Every sample the monitor took, or {@code null} when the run was not monitored. */
    ResourceSamples samples();

    Judgement judgement();

    /** The folder its result files go to. */
    Path directory();

    /**
     * The run as the history records it.
     *
     * @param context   the build, branch and machine it ran on
     * @param documents its result files, by name, for its dashboard page
     */
    RunRecord record(RunContext context, Map<String, byte[]> documents);
}
