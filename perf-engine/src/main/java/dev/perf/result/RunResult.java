package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;

/**
 * One run's {@code summary.json}: a scenario's load run, or the operations a JUnit test tracked ({@code load.model}
 * {@code tracked}).
 *
 * @param stopReason   why the run stopped before its end, or {@code null}
 * @param verdict      passed, failed or inconclusive
 * @param inconclusive why it is inconclusive, one line each (left out when empty)
 * @param target       where the load went; {@code null} for a tracked test
 * @param scalability  a stepped test's analysis, or {@code null}
 * @param resources    what the monitor saw, or {@code null} when the run was not monitored
 * @param timeSeries   per-interval points by request name and {@code ALL}
 * @param regressions  the comparison with the baseline, or {@code null} without a history
 * @param shard        which part of a load split across generators this run was, or {@code null} for a whole run
 * @param merged       the shards this run was merged from ({@code perf:merge}), or {@code null}
 */
public record RunResult(int schemaVersion, String runId, String scenario, String file, String status,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String stopReason, String verdict,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> inconclusive, String startTime,
                        String endTime, @JsonUnwrapped Target target, Load load, Figures overall,
                        List<Figures> requests, List<Figures> flows, List<StageResult> stages,
                        @JsonInclude(JsonInclude.Include.NON_NULL) ScalabilityResult scalability,
                        List<ThresholdVerdict> thresholds, Generator generator, Resources resources,
                        Map<String, List<TimePoint>> timeSeries, Regressions regressions,
                        @JsonInclude(JsonInclude.Include.NON_NULL) ShardInfo shard,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Merged merged) {
    /** {@code load.model} of a tracked test's run. */
    public static final String TRACKED = "tracked";

    public RunResult {
        // read from a file, a part left out comes back empty: it is the part that does not apply
        if (target != null && target.baseUrl() == null) {
            target = null;
        }
    }

    /** Whether this is a tracked test's run rather than a load run. */
    public boolean tracked() {
        return load != null && TRACKED.equals(load.model());
    }

    /** The same run with its comparison to the baseline. */
    public RunResult withRegressions(Regressions compared) {
        return new RunResult(schemaVersion, runId, scenario, file, status, stopReason, verdict, inconclusive, startTime,
                endTime, target, load, overall, requests, flows, stages, scalability, thresholds, generator, resources,
                timeSeries, compared, shard, merged);
    }

    /** The same run as a shard of a load split across generators. */
    public RunResult withShard(ShardInfo part) {
        return new RunResult(schemaVersion, runId, scenario, file, status, stopReason, verdict, inconclusive, startTime,
                endTime, target, load, overall, requests, flows, stages, scalability, thresholds, generator, resources,
                timeSeries, regressions, part, merged);
    }

    /** The same run as the merge of shards. */
    public RunResult withMerged(Merged from) {
        return new RunResult(schemaVersion, runId, scenario, file, status, stopReason, verdict, inconclusive, startTime,
                endTime, target, load, overall, requests, flows, stages, scalability, thresholds, generator, resources,
                timeSeries, regressions, shard, from);
    }

    /**
     * Where a merged run's figures came from.
     *
     * @param runKey  the shards' run key, or {@code null}
     * @param count   how many shards the load was split into
     * @param partial whether some were missing (then {@code missing} says which) and the merge was told to go on
     * @param missing the indexes of the shards that were not there
     * @param shards  each merged shard, by index
     */
    public record Merged(String runKey, int count, boolean partial, List<Integer> missing, List<Part> shards) {
    }

    /**
     * One merged shard, as its own summary.json has it.
     *
     * @param runId          the shard's run id
     * @param startLateMs    how late after {@code startAt} it began, or {@code null} without one
     * @param generatorCpuMaxPercent the highest CPU its generator used (% of one core), or {@code null} when not
     *                       monitored
     * @param saturation     why its generator counts as saturated, one line each
     */
    public record Part(int index, String host, String runId, String startTime, Long startLateMs, long count,
                       long failed, long dropped, Double rps, Double p99Ms, Double sendLagP99Ms,
                       Double generatorCpuMaxPercent, boolean saturated, List<String> saturation) {
    }

    /**
     * A shard's place in its run.
     *
     * @param index       from 1
     * @param runKey      the same for every shard of one run, or {@code null}
     * @param startAt     when every shard was to start, or {@code null}
     * @param startLateMs how much later than {@code startAt} this shard's load began, or {@code null} without one
     * @param host        the machine this shard ran on
     * @param scenarioSha256 the scenario file's SHA-256, so that a merge takes only shards of the same scenario
     */
    public record ShardInfo(int index, int count, String runKey, String startAt, Long startLateMs, String host,
                            String scenarioSha256) {

        public ShardInfo withScenario(String sha256) {
            return new ShardInfo(index, count, runKey, startAt, startLateMs, host, sha256);
        }
    }

    /** Where a load run sent its requests: the base URL without credentials, and the environment it was run for. */
    public record Target(String baseUrl, String environment) {
    }

    /**
     * @param model       open, closed or tracked
     * @param shape       single, stages or steps
     * @param maxInFlight the open model's cap on requests in flight; {@code null} for a tracked test
     */
    public record Load(String model, String shape, String description, double elapsedSeconds,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxInFlight) {
    }

    /**
     * Whether the figures describe the target rather than the generator.
     *
     * @param sending    how the generator kept up; {@code null} for a tracked test
     * @param saturation why the generator counts as saturated, one line each
     */
    public record Generator(@JsonUnwrapped Sending sending, boolean saturated, List<String> saturation) {
        public Generator {
            if (sending != null && sending.nativeTransport() == null) {
                sending = null;
            }
        }
    }

    /**
     * @param lateSends          arrivals sent later than planned
     * @param unfinished         requests still in flight when the run ended
     * @param iterationsCutShort closed-model iterations stopped mid-flow at the end
     * @param sendLagP99Ms       how late the open model's sends were, or {@code null}
     */
    public record Sending(Boolean nativeTransport, long connectionsOpened, long connectionsReused, long lateSends,
                          long unfinished, long iterationsCutShort, Double sendLagP99Ms, Double sendLagMaxMs) {
    }
}
