package dev.perf.run;

import dev.perf.report.ResultJson;
import dev.perf.result.RunResult;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds the shards' results that {@code perf:merge} is given (folders or globs of what the shard builds wrote) and
 * checks that they are the whole of one run: the same run key, the same scenario file, every shard once. Any problem
 * is an error before anything is merged or recorded.
 */
final class ShardResults {
    /** How deep below a given folder a shard's run folder may be (output folder, run folder, an artifact's folder). */
    private static final int MAX_DEPTH = 4;
    /** A summary.json larger than this is not a shard's (a real one is well under a megabyte). */
    static final long MAX_SUMMARY_BYTES = 64L * 1024 * 1024;

    /** One shard's run: its folder and its summary.json. */
    record Shard(Path directory, RunResult result) {
        int index() {
            return result.shard().index();
        }

        Path hlog() {
            return directory.resolve("latency.hlog");
        }

        String label() {
            return "shard " + index() + "/" + result.shard().count() + " (" + directory + ")";
        }
    }

    /**
     * The shards of one scenario, by index.
     *
     * @param missing the indexes no result was found for (empty unless a partial merge was allowed)
     */
    record Group(String scenario, String runKey, int count, String scenarioSha256, List<Shard> shards,
                 List<Integer> missing) {
        boolean partial() {
            return !missing.isEmpty();
        }
    }

    private ShardResults() {
    }

    /**
     * @param entries      folders or globs, relative to {@code base} unless absolute
     * @param allowPartial whether missing shards are merged without (else they are an error)
     * @return one group per scenario, in the order first found
     * @throws PerfSetupException when nothing is found, or the shards are not the whole of one run
     */
    static List<Group> find(List<String> entries, Path base, boolean allowPartial) {
        if (entries.isEmpty()) {
            throw new PerfSetupException("perf.shardResults is empty: give the folders the shard builds wrote (their "
                    + "perf.outputDirectory, target/perf by default), comma-separated, or a glob such as shards/*");
        }
        Set<Path> summaries = new LinkedHashSet<>();
        for (String entry : entries) {
            List<Path> found = summaries(entry.trim(), base);
            if (found.isEmpty()) {
                throw new PerfSetupException("perf.shardResults: no shard results in " + entry.trim() + " (no "
                        + "summary.json of a run with perf.shard under it); point it at the folders the shard builds "
                        + "wrote (their perf.outputDirectory, target/perf by default)");
            }
            summaries.addAll(found);
        }
        Map<String, List<Shard>> byScenario = new LinkedHashMap<>();
        for (Path summary : summaries) {
            Shard shard = read(summary);
            if (shard != null) {
                byScenario.computeIfAbsent(shard.result().scenario(), k -> new ArrayList<>()).add(shard);
            }
        }
        if (byScenario.isEmpty()) {
            throw new PerfSetupException("perf.shardResults: the runs in " + String.join(", ", entries) + " are not "
                    + "shards (their summary.json has no shard): run each part with -Dperf.shard=I/N first");
        }
        List<Group> groups = new ArrayList<>();
        byScenario.forEach((scenario, shards) -> groups.add(group(scenario, shards, allowPartial)));
        return groups;
    }

    /** Checks that the shards are the whole of one run. */
    private static Group group(String scenario, List<Shard> shards, boolean allowPartial) {
        String where = "scenario " + scenario + ": ";
        Set<String> keys = shards.stream().map(s -> String.valueOf(s.result().shard().runKey()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (keys.size() > 1) {
            throw new PerfSetupException(where + "the shards belong to different runs (run keys " + describe(shards,
                    s -> String.valueOf(s.result().shard().runKey())) + "); give perf.shardResults the results of one "
                    + "run only (its shards share perf.runKey, by default the CI's run id)");
        }
        Set<Integer> counts = shards.stream().map(s -> s.result().shard().count()).collect(Collectors.toSet());
        if (counts.size() > 1) {
            throw new PerfSetupException(where + "the shards split the load different ways (" + describe(shards,
                    s -> s.index() + "/" + s.result().shard().count()) + "); every shard of one run has the same N");
        }
        Set<String> hashes = shards.stream().map(s -> String.valueOf(s.result().shard().scenarioSha256()))
                .collect(Collectors.toSet());
        if (hashes.size() > 1) {
            throw new PerfSetupException(where + "the shards ran different versions of " + shards.get(0).result().file()
                    + " (SHA-256 " + describe(shards, s -> abbreviated(s.result().shard().scenarioSha256()))
                    + "); run every shard from the same commit");
        }
        Map<Integer, Shard> byIndex = new TreeMap<>();
        for (Shard shard : shards) {
            Shard twice = byIndex.putIfAbsent(shard.index(), shard);
            if (twice != null) {
                throw new PerfSetupException(where + "shard " + shard.index() + "/" + shard.result().shard().count()
                        + " is there twice: " + twice.directory() + " and " + shard.directory() + "; give each "
                        + "shard's results once");
            }
        }
        int count = counts.iterator().next();
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty() && !allowPartial) {
            throw new PerfSetupException(where + "shard" + (missing.size() == 1 ? " " : "s ") + missing.stream()
                    .map(i -> i + "/" + count).collect(Collectors.joining(", ")) + (missing.size() == 1 ? " is" : " are")
                    + " missing (found " + byIndex.keySet().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + "): give perf.shardResults every shard's results, or set "
                    + "-Dperf.mergePartial=true to merge those there are (the merged run is marked partial and cannot "
                    + "pass)");
        }
        RunResult.ShardInfo first = shards.get(0).result().shard();
        return new Group(scenario, first.runKey(), count, first.scenarioSha256(), List.copyOf(byIndex.values()),
                List.copyOf(missing));
    }

    private static String describe(List<Shard> shards, Function<Shard, String> value) {
        return shards.stream().sorted(Comparator.comparingInt(Shard::index))
                .map(s -> value.apply(s) + " in " + s.directory()).collect(Collectors.joining(", "));
    }

    private static String abbreviated(String sha) {
        return sha == null ? "unknown" : sha.substring(0, Math.min(12, sha.length()));
    }

    /** The summary.json files under a folder or matching a glob. */
    private static List<Path> summaries(String entry, Path base) {
        int glob = firstGlobCharacter(entry);
        Path root = base.resolve(glob < 0 ? entry : entry.substring(0, Math.max(0, entry.lastIndexOf('/', glob) + 1)))
                .normalize();
        if (!Files.isDirectory(root)) {
            throw new PerfSetupException("perf.shardResults: " + root + " is not a folder" + (glob < 0 ? ""
                    : " (the part of " + entry + " before its first wildcard)"));
        }
        List<Path> folders = new ArrayList<>();
        if (glob < 0) {
            folders.add(root);
        } else {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + base.resolve(entry).normalize());
            try (Stream<Path> walk = Files.walk(root, MAX_DEPTH)) {
                walk.filter(Files::isDirectory).filter(matcher::matches).sorted().forEach(folders::add);
            } catch (IOException e) {
                throw new PerfSetupException("perf.shardResults: cannot list " + root + ": " + e.getMessage());
            }
        }
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
                walk.filter(p -> p.getFileName().toString().equals("summary.json"))
                        .filter(p -> Files.isRegularFile(p.resolveSibling("latency.hlog"))).sorted()
                        .forEach(found::add);
            } catch (IOException e) {
                throw new PerfSetupException("perf.shardResults: cannot list " + folder + ": " + e.getMessage());
            }
        }
        return found;
    }

    private static int firstGlobCharacter(String entry) {
        for (int i = 0; i < entry.length(); i++) {
            if ("*?[{".indexOf(entry.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** What a merge needs that a summary.json lacks, or {@code null} when it has it all. */
    private static String missingField(RunResult r) {
        if (r.scenario() == null || r.file() == null) {
            return "no scenario";
        }
        if (r.overall() == null || r.requests() == null || r.flows() == null || r.stages() == null
                || r.generator() == null || r.thresholds() == null || r.timeSeries() == null) {
            return "no figures";
        }
        try {
            Instant.parse(r.startTime());
            Instant.parse(r.endTime());
        } catch (RuntimeException e) {
            return "startTime and endTime are not instants";
        }
        return null;
    }

    /** A shard's run, or {@code null} for a run that is not a shard. */
    private static Shard read(Path summary) {
        RunResult result;
        try {
            if (Files.size(summary) > MAX_SUMMARY_BYTES) {
                throw new PerfSetupException("perf.shardResults: " + summary + " is larger than "
                        + MAX_SUMMARY_BYTES / (1024 * 1024) + " MiB, which no run's summary.json is; is it one?");
            }
            result = ResultJson.read(summary, RunResult.class);
        } catch (IOException e) {
            throw new PerfSetupException("perf.shardResults: cannot read " + summary + ": " + e.getMessage()
                    .lines().findFirst().orElse("") + " (download the shard's results again)");
        }
        if (result.shard() == null) {
            return null;
        }
        String missing = missingField(result);
        if (missing != null) {
            throw new PerfSetupException("perf.shardResults: " + summary + " is not a whole run's summary.json ("
                    + missing + "); download the shard's results again");
        }
        if (result.shard().index() < 1 || result.shard().index() > result.shard().count()
                || result.shard().count() > dev.perf.scenario.Shard.MAX_SHARDS) {
            throw new PerfSetupException("perf.shardResults: " + summary + " says it is shard " + result.shard().index()
                    + "/" + result.shard().count() + ", which no shard is");
        }
        return new Shard(summary.getParent(), result);
    }
}
