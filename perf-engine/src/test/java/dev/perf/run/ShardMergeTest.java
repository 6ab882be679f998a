package dev.perf.run;

import dev.perf.engine.EngineOptions;
import dev.perf.scenario.Shard;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * perf:merge given what it must refuse: shards of another run, of another version of the scenario, a shard twice or
 * missing, damaged files, runs that are not shards. Each refusal names the problem and what to do, and records and
 * writes nothing. Two real shards of a scenario with a sequential feeder are run once for all of it; their records do
 * not overlap.
 */
@Timeout(120)
class ShardMergeTest {
    @TempDir
    static Path shards;
    @TempDir
    Path dir;
    private static List<TestServer.Arrival> arrivals;

    @BeforeAll
    static void runTwoShards() throws Exception {
        Path scenarios = Files.createDirectories(shards.resolve("perf"));
        Files.createDirectories(scenarios.resolve("data"));
        StringBuilder ids = new StringBuilder("id\n");
        for (int i = 1; i <= 20; i++) {
            ids.append("item-").append(i).append('\n');
        }
        Files.writeString(scenarios.resolve("data/ids.csv"), ids);
        Files.writeString(scenarios.resolve("feed.yaml"), """
                name: feed
                target: { baseUrl: "http://127.0.0.1:${port}" }
                feeders:
                  ids: { file: data/ids.csv }
                requests: [ { name: item, path: "/items/${id}", query: { n: "${seq}" } } ]
                load: { concurrency: 2, iterations: 20 }
                monitor: { enabled: false }
                thresholds: [ "p99 <= 5s" ]
                """);
        try (TestServer server = new TestServer().recordArrivals()) {
            for (int i = 1; i <= 2; i++) {
                new PerfRunner(new RecordingConsole()).run(new RunOptions(scenarios, null, shards.resolve("shard-" + i),
                        null, Map.of("port", Integer.toString(server.port())), Map.of(),
                        EngineOptions.defaults().withIoThreads(1), null)
                        .withShard(new ShardOptions(new Shard(i, 2), "run-7", null)));
            }
            arrivals = server.arrivals();
        }
    }

    @Test
    void aSequentialFeedersRecordsAndTheSequenceAreSplitBetweenTheShards() {
        List<String> paths = arrivals.stream().map(TestServer.Arrival::path).toList();
        assertThat(paths).hasSize(20).allMatch(p -> p.matches("/items/item-([1-9]|1[0-9]|20)\\?n=[0-9]+"));
        assertThat(paths.stream().map(p -> p.substring(0, p.indexOf('?')))).as("no record used by two shards")
                .doesNotHaveDuplicates();
        assertThat(paths.stream().map(p -> Integer.parseInt(p.substring(p.indexOf("n=") + 2))))
                .as("${seq}: shard 1 takes 1, 3, 5..., shard 2 takes 2, 4, 6...: never the same value twice")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void shardsOfAnotherRunAreRefused() throws Exception {
        copy("shard-1", "a");
        copy("shard-2", "b");
        rewrite("b", "\"runKey\" : \"run-7\"", "\"runKey\" : \"run-8\"");
        assertRefused(List.of("a", "b"), false, "belong to different runs (run keys run-7 in", "run-8 in");
    }

    @Test
    void anotherVersionOfTheScenarioIsRefused() throws Exception {
        copy("shard-1", "a");
        copy("shard-2", "b");
        Files.writeString(project().resolve("feed.yaml"), Files.readString(project().resolve("feed.yaml"))
                .replace("p99 <= 5s", "p99 <= 4s"));
        assertRefused(List.of("a", "b"), false, "the shards ran another version of", "SHA-256",
                "merge in a checkout of the commit the shards ran");
    }

    @Test
    void aShardTwiceOrMissingIsRefused() throws Exception {
        copy("shard-1", "a");
        copy("shard-1", "again");
        copy("shard-2", "b");
        assertRefused(List.of("a", "again", "b"), false, "shard 1/2 is there twice");
        assertRefused(List.of("b"), false, "shard 1/2 is missing (found 2)", "-Dperf.mergePartial=true");
    }

    @Test
    void aPartialMergeAskedForIsMarkedAndCannotPass() throws Exception {
        copy("shard-2", "b");
        RunReport report = new PerfRunner(new RecordingConsole()).merge(options(), new MergeOptions(List.of("b"), dir,
                true));
        ScenarioOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.result().merged().partial()).isTrue();
        assertThat(outcome.result().merged().missing()).containsExactly(1);
        assertThat(outcome.inconclusive()).anyMatch(l -> l.startsWith("partial merge: 1 of 2 shards (missing 1/2"));
        assertThat(outcome.verdict().key()).isNotEqualTo("passed");
    }

    @Test
    void damagedOrForeignResultsAreRefused() throws Exception {
        copy("shard-1", "a");
        copy("shard-2", "b");
        try (Stream<Path> hlogs = Files.walk(dir.resolve("b"))) {
            Path hlog = hlogs.filter(p -> p.getFileName().toString().equals("latency.hlog")).findFirst().orElseThrow();
            Files.writeString(hlog, Files.readString(hlog).replaceAll("HISTFAA[A-Za-z0-9+/=]{10}", "HISTFAAnotahistogram"));
        }
        assertRefused(List.of("a", "b"), false, "shard 2/2 (", "cannot read latency.hlog",
                "download the shard's results again");
        assertRefused(List.of("nothing-here"), false, "is not a folder");
        copy("shard-2", "c");
        rewrite("c", "\"startTime\" : \"", "\"startTime\" : \"yesterday ");
        assertRefused(List.of("a", "c"), false, "is not a whole run's summary.json (startTime and endTime are not "
                + "instants)");
        copy("shard-2", "d");
        rewrite("d", "\"200\" : ", "\"two hundred\" : ");
        assertRefused(List.of("a", "d"), false, "scenario feed: the shards' results cannot be merged",
                "download the shards' results again");
        Files.createDirectories(dir.resolve("empty"));
        assertRefused(List.of("empty"), false, "no shard results in empty");
    }

    @Test
    void theMergeDoesNotWriteOverTheShardsResults() throws Exception {
        copy("shard-1", "merged/a");
        copy("shard-2", "merged/b");
        assertThatThrownBy(() -> new PerfRunner(new RecordingConsole()).merge(options(),
                new MergeOptions(List.of("merged/*"), dir, false))).isInstanceOf(PerfSetupException.class)
                .hasMessageContainingAll("perf.outputDirectory " + dir.resolve("merged") + " holds shard 1/2",
                        "give perf:merge another perf.outputDirectory");
        assertThat(dir.resolve("merged/summary.json")).doesNotExist();
    }

    private void assertRefused(List<String> entries, boolean partial, String... message) {
        assertThatThrownBy(() -> new PerfRunner(new RecordingConsole()).merge(options(),
                new MergeOptions(entries, dir, partial))).isInstanceOf(PerfSetupException.class)
                .hasMessageContainingAll(message);
        assertThat(dir.resolve("history.db")).as("a refused merge records nothing").doesNotExist();
        assertThat(dir.resolve("merged")).as("and writes nothing").doesNotExist();
    }

    private RunOptions options() {
        return new RunOptions(project(), null, dir.resolve("merged"), null, Map.of("port", "1"), Map.of(),
                EngineOptions.defaults(), null, new HistoryOptions(dir.resolve("history.db").toString(), null, dir, 0,
                0, 5));
    }

    /** The project the merge runs in: a copy of the shards', so a test may change its scenario. */
    private Path project() {
        Path project = dir.resolve("project");
        if (!Files.exists(project)) {
            copyTree(shards.resolve("perf"), project);
        }
        return project;
    }

    private void copy(String shard, String to) {
        copyTree(shards.resolve(shard), dir.resolve(to));
    }

    private void rewrite(String folder, String from, String to) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve(folder))) {
            for (Path summary : files.filter(p -> p.getFileName().toString().equals("summary.json")).toList()) {
                Files.writeString(summary, Files.readString(summary).replace(from, to));
            }
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
