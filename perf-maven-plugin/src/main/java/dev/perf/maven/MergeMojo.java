package dev.perf.maven;

import dev.perf.engine.EngineOptions;
import dev.perf.run.HistoryOptions;
import dev.perf.run.MergeOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import dev.perf.scenario.VerdictSpec;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Merges the results of a load split across generators ({@code perf:run -Dperf.shard=I/N} on each) into one run per
 * scenario: histograms added, counters summed, time series aligned by absolute time; then judged (thresholds,
 * scalability analysis, regression check), recorded once in the history, and reported (summary.json, JUnit XML,
 * Markdown, dashboard) as any run is, with the build's verdict. Takes {@code perf:run}'s history, baseline and
 * verdict parameters.
 */
@Mojo(name = "merge", threadSafe = true)
public class MergeMojo extends JudgingMojo {

    /**
     * The shard builds' results: their {@code perf.outputDirectory} folders (as downloaded from each CI job), or
     * globs of them, comma-separated, relative to the project's folder: e.g. {@code shards/*}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.shardResults")
    private String shardResults;

    /**
     * Merge when some shards' results are missing: the merged run is marked partial, says which shards are missing,
     * and cannot pass (its verdict is inconclusive at best). Without it a missing shard is an error.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.mergePartial", defaultValue = "false")
    private boolean mergePartial;

    @Override
    String goal() {
        return "merge";
    }

    @Override
    RunReport perform(PerfRunner runner, HistoryOptions history, VerdictSpec.Saturation saturation)
            throws IOException, MojoFailureException {
        if (shardResults == null || shardResults.isBlank()) {
            throw new MojoFailureException("perf:merge needs perf.shardResults: the folders the shard builds wrote "
                    + "(their perf.outputDirectory, target/perf by default), comma-separated, or a glob, e.g. "
                    + "-Dperf.shardResults=shards/*");
        }
        List<String> entries = Arrays.stream(shardResults.split(",")).map(String::trim).filter(e -> !e.isEmpty())
                .toList();
        // the scenarios are read as the shards read them; the base URL is the shards', and nothing is sent
        RunOptions options = new RunOptions(scenariosDirectory.toPath(), scenario, outputDirectory.toPath(), null,
                ScenarioProperties.of(project, session), System.getenv(), EngineOptions.defaults(), null, history,
                0, saturation);
        return runner.merge(options, new MergeOptions(entries, project.getBasedir().toPath(), mergePartial));
    }
}
