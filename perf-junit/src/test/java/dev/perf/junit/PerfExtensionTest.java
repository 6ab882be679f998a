package dev.perf.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perf.junit.fixtures.Blocks;
import dev.perf.junit.fixtures.ClassBreach;
import dev.perf.junit.fixtures.Flaky;
import dev.perf.junit.fixtures.FromYaml;
import dev.perf.junit.fixtures.Leaky;
import dev.perf.junit.fixtures.MethodBreach;
import dev.perf.junit.fixtures.Parallel;
import dev.perf.junit.fixtures.Repeated;
import dev.perf.junit.fixtures.SlowerOnDemand;
import dev.perf.junit.fixtures.Steady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The extension as a user meets it: fixture test classes run through JUnit, their records read from the history. */
@Timeout(60)
class PerfExtensionTest {
    @TempDir
    Path folder;

    @Test
    void repetitionsAfterAWarmUpAreRecordedAsOneOperation() throws Exception {
        Repeated.CALLS.set(0);
        EngineExecutionResults results = Fixtures.run(folder, Repeated.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(Repeated.CALLS.get()).as("5 warm-up and 20 measured executions").isEqualTo(25);
        Map<String, Fixtures.Figures> history = Fixtures.history(folder, "Repeated");
        Fixtures.Figures op = only(history, "sleepsAMillisecond");
        assertThat(op.count()).isEqualTo(20);
        assertThat(op.ok()).isEqualTo(20);
        assertThat(op.p50Ms()).isGreaterThanOrEqualTo(1.0);
        assertThat(op.cpuMs()).as("thread CPU time per execution").isNotNull().isPositive();
        assertThat(Fixtures.scalar(folder, "SELECT load_model || ' ' || verdict FROM runs")).isEqualTo("tracked passed");
        assertThat(Fixtures.scalar(folder, "SELECT count(*) FROM thresholds WHERE passed = 1")).isEqualTo(2);
    }

    @Test
    void blocksAreRecordedWithTheirFailuresAndAllocations() throws Exception {
        EngineExecutionResults results = Fixtures.run(folder, Blocks.class);

        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        Map<String, Fixtures.Figures> history = Fixtures.history(folder, "Blocks");
        assertThat(only(history, "parse").count()).isEqualTo(3);
        Fixtures.Figures lookup = only(history, "lookup");
        assertThat(lookup.failed()).isEqualTo(1);
        assertThat(only(history, "allocate").allocatedBytes()).as("a 1 MB array").isBetween(1024.0 * 1024, 2.0 * 1024 * 1024);
        assertThat(Fixtures.scalar(folder, "SELECT verdict FROM runs")).as("a failed execution").isEqualTo("failed");

        JsonNode summary = summary("Blocks");
        assertThat(summary.path("load").path("model").asText()).isEqualTo("tracked");
        JsonNode lookupJson = requests(summary).filter(r -> r.path("name").asText().equals("lookup")).findFirst().orElseThrow();
        assertThat(lookupJson.path("errors").path("exception").path("firstMessage").asText())
                .isEqualTo("IllegalStateException: customer 7 not found");
    }

    @Test
    void aMethodOverItsThresholdFailsWithTheMeasuredValue() throws Exception {
        EngineExecutionResults results = Fixtures.run(folder, MethodBreach.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(results.containerEvents().failed().count()).as("the class does not fail again for it").isZero();
        String message = failure(results.testEvents().failed().list());
        assertThat(message).contains("MethodBreach.takesTwentyMilliseconds broke a performance threshold")
                .contains("slow-call.p95 <= 5ms").containsPattern("measured \\d+\\.\\d+ms");
        assertThat(only(Fixtures.history(folder, "MethodBreach"), "slow-call").count()).isEqualTo(3);
        assertThat(Fixtures.scalar(folder, "SELECT verdict FROM runs")).isEqualTo("failed");
    }

    @Test
    void theClassThresholdsAreJudgedWhenTheClassEnds() throws Exception {
        EngineExecutionResults results = Fixtures.run(folder, ClassBreach.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        List<Event> failed = results.containerEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(failure(failed)).contains("class-breach broke a performance threshold").contains("wait.max <= 2ms")
                .doesNotContain("success-rate");
        assertThat(Fixtures.history(folder, "class-breach")).hasSize(3); // ALL, wait, waits
    }

    @Test
    void repetitionsMayFailAsMuchAsASuccessRateThresholdAllows() throws Exception {
        Flaky.CALLS.set(0);
        EngineExecutionResults results = Fixtures.run(folder, Flaky.class);

        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getTestDescriptor().getDisplayName()).startsWith("failsWithoutARateThreshold");
        Throwable thrown = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(thrown).hasMessage("expected 201, was 500");
        assertThat(thrown.getSuppressed()[0]).hasMessageContaining("4 of 4 executions of failsWithoutARateThreshold failed");
        Map<String, Fixtures.Figures> history = Fixtures.history(folder, "Flaky");
        assertThat(only(history, "failsEveryFifthTime")).extracting(Fixtures.Figures::ok, Fixtures.Figures::failed)
                .containsExactly(8L, 2L);
        assertThat(only(history, "failsWithoutARateThreshold").failed()).isEqualTo(4);
    }

    @Test
    void testsInParallelThreadsLoseNothing() throws Exception {
        EngineExecutionResults results = Fixtures.run(folder, Parallel.class,
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "8");

        results.testEvents().assertStatistics(s -> s.succeeded(16).failed(0));
        Map<String, Fixtures.Figures> history = Fixtures.history(folder, "Parallel");
        assertThat(only(history, "on-test-thread").count()).isEqualTo(16 * 25);
        assertThat(only(history, "on-pool-thread").count()).isEqualTo(16 * 25);
        assertThat(only(history, "ALL").count()).isEqualTo(16 * 50);
    }

    @Test
    void relativeThresholdsAreJudgedAgainstEarlierRunsOfTheSameTest() throws Exception {
        SlowerOnDemand.sleepMillis = 2;
        EngineExecutionResults first = Fixtures.run(folder, SlowerOnDemand.class);
        first.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(Fixtures.scalar(folder, "SELECT note FROM thresholds")).asString().contains("no earlier");
        // fewer than 3 earlier runs cannot tell noise from change: inconclusive, neither passed nor failed
        for (int i = 0; i < 3; i++) {
            Fixtures.run(folder, SlowerOnDemand.class).testEvents().assertStatistics(s -> s.succeeded(1));
        }
        assertThat(Fixtures.scalar(folder, "SELECT group_concat(note, '|') FROM thresholds"))
                .asString().contains("inconclusive: 1 comparable run").contains("inconclusive: 2 comparable runs");
        // judged by the rule load runs are: the three runs whose threshold had too few earlier runs are inconclusive
        assertThat(Fixtures.scalar(folder, "SELECT count(*) FROM runs WHERE inconclusive = 1")).isEqualTo(3);

        SlowerOnDemand.sleepMillis = 100;
        EngineExecutionResults slower = Fixtures.run(folder, SlowerOnDemand.class);

        slower.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(failure(slower.testEvents().failed().list())).contains("call.p50 <= baseline * 3")
                .contains("baseline");
        assertThat(Fixtures.scalar(folder, "SELECT count(*) FROM runs")).isEqualTo(5);
    }

    @Test
    void aRegressionAgainstEarlierRunsFailsTheClassWhenAskedToAndIsReportedOtherwise() throws Exception {
        Steady.sleepMillis = 2;
        for (int i = 0; i < 3; i++) {
            Fixtures.run(folder, Steady.class).allEvents().assertStatistics(s -> s.failed(0));
        }
        Steady.sleepMillis = 100;

        EngineExecutionResults failing = Fixtures.run(folder, Steady.class, "perf.failOnRegression", "true");
        EngineExecutionResults reported = Fixtures.run(folder, Steady.class);

        failing.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(failure(failing.containerEvents().failed().list()))
                .contains("Steady regressed against its baseline (perf.failOnRegression):").contains("call p95");
        assertThat(summary("Steady", 3).path("verdict").asText()).isEqualTo("failed");
        reported.allEvents().assertStatistics(s -> s.failed(0));
        JsonNode regressions = summary("Steady", 4).path("regressions");
        assertThat(regressions.path("regressed").asBoolean()).as("reported").isTrue();
        assertThat(regressions.path("failOnRegression").asBoolean()).isFalse();
    }

    @Test
    void thresholdsBesideTheTestsAreJudgedOnTheirTest() throws Exception {
        EngineExecutionResults results = Fixtures.run(folder, FromYaml.class);

        assertThat(failure(results.containerEvents().failed().list())).contains("work.count >= 2")
                .doesNotContain("works.success-rate");
        assertThat(Fixtures.scalar(folder, "SELECT count(*) FROM thresholds")).isEqualTo(2);
    }

    @Test
    void valuesOfTheVariablesPerfSecretsNamesAreMaskedInWhatTheRunKeeps() throws Exception {
        Fixtures.run(folder, Leaky.class, "perf.secrets", "leaky.token", "leaky.token", "t0ken-in-a-message")
                .allEvents().assertStatistics(s -> s.failed(0));

        JsonNode login = requests(summary("Leaky")).filter(r -> r.path("name").asText().equals("login")).findFirst()
                .orElseThrow();
        assertThat(login.path("errors").path("exception").path("firstMessage").asText())
                .isEqualTo("IllegalStateException: 401 for bearer ***");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain("t0ken-in-a-message");
            }
        }
    }

    @Test
    void offRunsEveryTestOnceAndRecordsNothing() throws Exception {
        Repeated.CALLS.set(0);
        Fixtures.run(folder, Repeated.class, "perf.track", "off").testEvents().assertStatistics(s -> s.succeeded(1));
        Fixtures.run(folder, Blocks.class, "perf.track", "off").testEvents().assertStatistics(s -> s.succeeded(3));

        assertThat(Repeated.CALLS.get()).isEqualTo(1);
        assertThat(folder.resolve("history.db")).doesNotExist();
        assertThat(folder.resolve("perf")).doesNotExist();
    }

    @Test
    void aBadSettingFailsTheClassWithWhatIsValid() {
        EngineExecutionResults results = Fixtures.run(folder, Repeated.class, "perf.track", "sometimes");

        assertThat(failure(results.testEvents().failed().list())).isEqualTo("perf.track is 'sometimes'; expected on or off (or true or false)");
        assertThat(folder.resolve("history.db")).doesNotExist();
    }

    private JsonNode summary(String test) throws Exception {
        return summary(test, 0);
    }

    /** The summary.json of the test's run number {@code index}, in the order they ran. */
    private JsonNode summary(String test, int index) throws Exception {
        try (Stream<Path> files = Files.walk(folder.resolve("perf/tracked"))) {
            List<Path> runs = files.filter(p -> p.getFileName().toString().equals("summary.json")
                    && p.getParent().getFileName().toString().contains("-" + test + "-")).toList();
            List<JsonNode> summaries = new java.util.ArrayList<>();
            for (Path run : runs) {
                summaries.add(new ObjectMapper().readTree(run.toFile()));
            }
            summaries.sort(java.util.Comparator.comparing(s -> s.path("startTime").asText()));
            return summaries.get(index);
        }
    }

    private static Stream<JsonNode> requests(JsonNode summary) {
        return java.util.stream.StreamSupport.stream(summary.path("requests").spliterator(), false);
    }

    private static Fixtures.Figures only(Map<String, Fixtures.Figures> history, String operation) {
        List<Fixtures.Figures> found = history.entrySet().stream().filter(e -> e.getKey().endsWith("#" + operation))
                .map(Map.Entry::getValue).toList();
        assertThat(found).as(operation + " in " + history.keySet()).hasSize(1);
        return found.get(0);
    }

    private static String failure(List<Event> failed) {
        assertThat(failed).isNotEmpty();
        return failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }
}
