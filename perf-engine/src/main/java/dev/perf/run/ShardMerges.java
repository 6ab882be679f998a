package dev.perf.run;

import dev.perf.result.RunResult;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.yaml.ScenarioException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a merge says and checks around {@link ShardMerge}: the project's scenario the shards ran, and the console. */
final class ShardMerges {

    private ShardMerges() {
    }

    /**
     * The project's scenario that the shards ran, as they ran it (their base URL, the saturation policy asked for).
     *
     * @throws PerfSetupException when the project has no such scenario, it is invalid, or it is another version
     */
    static Scenario scenarioOf(ShardResults.Group group, List<Scenario> available, List<ScenarioException> invalid,
                               RunOptions options) {
        Scenario scenario = available.stream().filter(s -> s.name().equals(group.scenario())).findFirst().orElse(null);
        if (scenario == null) {
            String file = group.shards().get(0).result().file();
            String fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
            ScenarioException broken = invalid.stream().filter(e -> e.getMessage().contains(fileName)).findFirst()
                    .orElse(null);
            if (broken != null) {
                throw new PerfSetupException("the shards ran scenario " + group.scenario() + ", whose file is invalid "
                        + "in this project: " + broken.getMessage());
            }
            throw new PerfSetupException("the shards ran scenario " + group.scenario() + " (" + file + "), which "
                    + options.scenariosDirectory() + " does not have (it has " + available.stream().map(Scenario::name)
                    .collect(Collectors.joining(", ")) + "); merge in a checkout of the commit the shards ran");
        }
        String sha = ScenarioOutcome.sha256(scenario.file());
        if (group.scenarioSha256() == null || !group.scenarioSha256().equals(sha)) {
            throw new PerfSetupException("the shards ran another version of " + scenario.file() + " than this project "
                    + "has (SHA-256 " + abbreviated(group.scenarioSha256()) + " there, " + abbreviated(sha) + " here); "
                    + "merge in a checkout of the commit the shards ran");
        }
        RunResult.Target target = group.shards().get(0).result().target();
        if (target != null && target.baseUrl() != null && !target.baseUrl().equals(scenario.baseUrl())) {
            scenario = scenario.withBaseUrl(target.baseUrl());
        }
        if (options.onSaturatedGenerator() != null) {
            scenario = scenario.withSaturationPolicy(options.onSaturatedGenerator());
        }
        return scenario;
    }

    /**
     * The shards' results must not be in the merge's output folder, whose summary.json the merge rewrites.
     *
     * @throws PerfSetupException naming the folder
     */
    static void checkOutside(ShardResults.Group group, Path output) {
        Path out = output.toAbsolutePath().normalize();
        for (ShardResults.Shard shard : group.shards()) {
            if (shard.directory().toAbsolutePath().normalize().startsWith(out)) {
                throw new PerfSetupException("perf.outputDirectory " + output + " holds " + shard.label() + ": the "
                        + "merge writes its results there and would replace the shard's; give perf:merge another "
                        + "perf.outputDirectory, or keep the shards' results elsewhere (shards/, as the recipes do)");
            }
        }
    }

    /**
     * The merge of the shards; results that are damaged in a way the checks did not see are an error naming them.
     *
     * @throws PerfSetupException when a shard's results cannot be merged
     */
    static ShardMerge merge(Scenario scenario, ShardResults.Group group, long intervalMillis) {
        try {
            return ShardMerge.of(scenario, group, intervalMillis);
        } catch (PerfSetupException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PerfSetupException("scenario " + scenario.name() + ": the shards' results cannot be merged ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().lines()
                    .findFirst().orElse("")) + "); one of " + group.shards().stream().map(s -> s.directory().toString())
                    .collect(Collectors.joining(", ")) + " is damaged: download the shards' results again");
        }
    }

    private static String abbreviated(String sha) {
        return sha == null ? "unknown" : sha.substring(0, Math.min(12, sha.length()));
    }

    /** Why a merge of only some shards cannot pass; empty for a whole one. */
    static List<String> incomplete(ShardResults.Group group) {
        if (!group.partial()) {
            return List.of();
        }
        return List.of("partial merge: " + group.shards().size() + " of " + group.count() + " shards (missing "
                + group.missing().stream().map(i -> i + "/" + group.count()).collect(Collectors.joining(", "))
                + "; perf.mergePartial): the run did not measure its whole load");
    }

    /** The shards being merged, one line each. */
    static void describe(Scenario scenario, ShardMerge merged, Console console) {
        ShardResults.Group group = merged.group();
        console.info("Merging " + scenario.name() + ": " + group.shards().size() + " of " + group.count() + " shards"
                + (group.runKey() == null ? "" : " of run " + group.runKey()) + " (" + scenario.load().describe() + ")");
        for (RunResult.Part part : merged.from().shards()) {
            console.info(String.format(Locale.ROOT, "  shard %d on %s: %d requests, %s, p99 %s%s%s", part.index(),
                    part.host(), part.count(), part.rps() == null ? "n/a" : String.format(Locale.ROOT, "%.1f/s",
                            part.rps()), part.p99Ms() == null ? "n/a" : String.format(Locale.ROOT, "%.2f ms",
                            part.p99Ms()), part.startLateMs() == null || part.startLateMs() == 0 ? ""
                            : ", started " + part.startLateMs() + " ms late", part.saturated()
                            ? ", generator saturated" : ""));
        }
        if (group.partial()) {
            console.warn(incomplete(group).get(0));
        }
    }
}
