package dev.perf.scenario.yaml;

import dev.perf.scenario.LoadKind;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.PauseStage;
import dev.perf.scenario.RateStage;
import dev.perf.scenario.StepPlan;
import dev.perf.scenario.UsersStage;
import dev.perf.testing.Scenarios;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static dev.perf.testing.Scenarios.problems;
import static org.assertj.core.api.Assertions.assertThat;

/** Stepped plans (stress, scalability) and explicit stage lists (spike, soak) in YAML. */
class LoadShapesTest {
    private static final String HEAD = """
            target: { baseUrl: http://localhost }
            requests: [ { name: get, path: /a } ]
            """;

    private static LoadSpec load(String yaml) {
        return Scenarios.parse(HEAD + yaml).load();
    }

    private static void assertProblem(String yaml, int line, String field, String fragment) {
        ScenarioException e = problems(HEAD + yaml);
        assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.field()).isEqualTo(field);
            assertThat(p.message()).contains(fragment);
        });
    }

    @Test
    void stressTestStepsConcurrencyWithPausesBetweenLevels() {
        LoadSpec load = load("""
                load: { concurrency: [10, 25, 50], stepDuration: 30s, pause: 2s }
                """);
        Duration step = Duration.ofSeconds(30);
        Duration pause = Duration.ofSeconds(2);
        assertThat(load.stages()).containsExactly(new UsersStage(10, step, 0), new PauseStage(pause),
                new UsersStage(25, step, 0), new PauseStage(pause), new UsersStage(50, step, 0));
        StepPlan steps = load.steps();
        assertThat(steps.kind()).isEqualTo(LoadKind.USERS);
        assertThat(steps.levels()).containsExactly(new StepPlan.Level(1, 0, 10), new StepPlan.Level(2, 2, 25),
                new StepPlan.Level(3, 4, 50));
        assertThat(steps.stopWhen()).isNull();
        assertThat(steps.breakpoint().expression()).isEqualTo("success-rate < 90%");
        assertThat(load.describe()).isEqualTo("concurrency steps 10 users, 25 users, 50 users (30s each, pause 2s)");
    }

    @Test
    void scalabilityTestStepsRatesAndStopsWhenAConditionHolds() {
        LoadSpec load = load("""
                load:
                  rate: [10, 25/s, 3000/m]
                  stepDuration: 20s
                  stopWhen: "get.p95 > 500ms"
                  breakpoint: "error-rate > 5%"
                  maxInFlight: 50
                """);
        Duration step = Duration.ofSeconds(20);
        assertThat(load.stages()).containsExactly(new RateStage(10, 10, step), new RateStage(25, 25, step),
                new RateStage(50, 50, step));
        assertThat(load.maxInFlight()).isEqualTo(50);
        assertThat(load.steps().kind()).isEqualTo(LoadKind.RATE);
        assertThat(load.steps().stopWhen().expression()).isEqualTo("get.p95 > 500ms");
        assertThat(load.steps().breakpoint().metric().name()).isEqualTo("error-rate");
    }

    @Test
    void spikeAsAStageListWithRampsFromThePreviousRate() {
        LoadSpec load = load("""
                load:
                  stages:
                    - { rate: 50/s, duration: 1m }
                    - { rampTo: 500/s, duration: 10s }
                    - { rate: 500/s, duration: 30s }
                    - { pause: 5s }
                    - { rampTo: 100, duration: 10s }
                    - { rate: 20/s, rampTo: 0, duration: 10s }
                """);
        assertThat(load.stages()).containsExactly(
                new RateStage(50, 50, Duration.ofMinutes(1)),
                new RateStage(50, 500, Duration.ofSeconds(10)),
                new RateStage(500, 500, Duration.ofSeconds(30)),
                new PauseStage(Duration.ofSeconds(5)),
                new RateStage(0, 100, Duration.ofSeconds(10)),
                new RateStage(20, 0, Duration.ofSeconds(10)));
        assertThat(load.isOpenModel()).isTrue();
        assertThat(load.isStepped()).isFalse();
    }

    @Test
    void closedModelStageListRampsUsers() {
        LoadSpec load = load("""
                load:
                  stages:
                    - { rampTo: 20 users, duration: 30s }
                    - { concurrency: 20, duration: 5m }
                    - { rampTo: 0, duration: 30s }
                    - { concurrency: 5, iterations: 100 }
                """);
        assertThat(load.stages()).containsExactly(
                new UsersStage(0, 20, Duration.ofSeconds(30), 0),
                new UsersStage(20, 20, Duration.ofMinutes(5), 0),
                new UsersStage(20, 0, Duration.ofSeconds(30), 0),
                new UsersStage(5, 5, null, 100));
        assertThat(load.isOpenModel()).isFalse();
    }

    @Test
    void aWarmUpAndRampsBetweenLevelsAreStagesButNotLevels() {
        LoadSpec load = load("""
                load: { rate: [10, 20, 40], stepDuration: 30s, stepRamp: 5s, warmup: 10s }
                """);
        Duration step = Duration.ofSeconds(30);
        Duration ramp = Duration.ofSeconds(5);
        assertThat(load.stages()).containsExactly(new RateStage(10, 10, Duration.ofSeconds(10)),
                new RateStage(10, 10, step), new RateStage(10, 20, ramp), new RateStage(20, 20, step),
                new RateStage(20, 40, ramp), new RateStage(40, 40, step));
        assertThat(load.steps().levels()).extracting(StepPlan.Level::stageIndex).containsExactly(1, 3, 5);
        assertThat(load.steps().roleOfStage(0, load.stages().get(0))).isEqualTo("warm-up");
        assertThat(load.steps().roleOfStage(2, load.stages().get(2))).isEqualTo("ramp");
        assertThat(load.describe()).isEqualTo("rate steps 10/s, 20/s, 40/s (30s each, ramps of 5s, warm-up 10s)");

        LoadSpec users = load("""
                load: { concurrency: [5, 10], stepDuration: 20s, stepRamp: 10s }
                """);
        assertThat(users.stages()).containsExactly(new UsersStage(5, Duration.ofSeconds(20), 0),
                new UsersStage(5, 10, Duration.ofSeconds(10), 0), new UsersStage(10, Duration.ofSeconds(20), 0));
    }

    @Test
    void pauseAndStepRampExcludeEachOther() {
        assertProblem("""
                load: { rate: [10, 20], stepDuration: 10s, pause: 1s, stepRamp: 2s }
                """, 3, "load.stepRamp", "either pause (no load) or ramp");
    }

    @Test
    void levelsMustRise() {
        assertProblem("""
                load: { rate: [10, 50, 25], stepDuration: 10s }
                """, 3, "load.rate[2]", "levels must rise (a stepped test escalates): 25/s is not above 50/s");
    }

    @Test
    void aSteppedTestNeedsAStepDurationNotADuration() {
        assertProblem("""
                load: { concurrency: [1, 2], duration: 10s }
                """, 3, "load.duration", "'stepDuration' sets how long each level runs");
        assertProblem("""
                load: { concurrency: [1, 2] }
                """, 3, "load.stepDuration", "missing; a stepped test needs how long each level runs");
    }

    @Test
    void stepOptionsWithoutLevelsSayToWriteALIst() {
        assertProblem("""
                load: { rate: 10/s, duration: 10s, stopWhen: "p95 > 1s" }
                """, 3, "load.stopWhen", "write the levels as a list, e.g. 'rate: [10, 25, 50]'");
    }

    @Test
    void stopWhenMustBeAValidConditionOnResponses() {
        assertProblem("""
                load: { rate: [10, 20], stepDuration: 10s, stopWhen: "latency > 1s" }
                """, 3, "load.stopWhen", "unknown metric 'latency'");
        assertProblem("""
                load: { rate: [10, 20], stepDuration: 10s, stopWhen: "breakpoint > 1/s" }
                """, 3, "load.stopWhen", "judged on each level's responses");
        assertProblem("""
                load: { rate: [10, 20], stepDuration: 10s, stopWhen: "gett.p95 > 1s" }
                """, 3, "load.stopWhen", "no request is named 'gett'; did you mean 'get'?");
    }

    @Test
    void aStageListCannotMixRatesAndUsers() {
        assertProblem("""
                load:
                  stages:
                    - { rate: 50/s, duration: 1m }
                    - { concurrency: 10, duration: 1m }
                """, 6, "load.stages[1]", "this plan is open model (rates) (from load.stages[0]); a plan cannot switch "
                + "to closed model (users)");
    }

    @Test
    void aBareRampToNeedsAUnitWhenNothingElseSaysWhatItIs() {
        assertProblem("""
                load:
                  stages: [ { rampTo: 100, duration: 10s } ]
                """, 4, "load.stages", "write rampTo with a unit, e.g. 'rampTo: 100/s'");
    }

    @Test
    void stageMistakesAreReportedWhereTheyAre() {
        ScenarioException e = problems(HEAD + """
                load:
                  stages:
                    - { rate: 50/s }
                    - { pause: 5s, rate: 10/s }
                    - { rate: 10/s, duration: 1m, iterations: 5 }
                    - { rat: 10/s, duration: 1m }
                  rate: 5/s
                """);
        assertThat(e.problems()).extracting(Problem::field).contains("load.rate", "load.stages[0].duration",
                "load.stages[1].rate", "load.stages[2].iterations", "load.stages[3].rat");
        assertThat(e.getMessage()).contains("unknown key 'rat'; did you mean 'rate'?")
                .contains("a pause stands alone")
                .contains("with 'stages', give rates, users and durations inside each stage");
    }

    @Test
    void analysisThresholdsNeedASteppedPlanInTheRightUnit() {
        assertProblem("""
                load: { rate: 10/s, duration: 10s }
                thresholds: [ "breakpoint >= 150/s" ]
                """, 4, "thresholds[0]", "comes from the scalability analysis of a stepped test");
        assertProblem("""
                load: { rate: [10, 20], stepDuration: 10s }
                thresholds: [ "usl.sigma < 0.1" ]
                """, 4, "thresholds[0]", "the Universal Scalability Law is fitted to concurrency steps");
        assertProblem("""
                load: { concurrency: [10, 20], stepDuration: 10s }
                thresholds: [ "breakpoint >= 150/s" ]
                """, 4, "thresholds[0]", "breakpoint is measured in users in this test; write the limit as users");
        assertThat(Scenarios.parse(HEAD + """
                load: { concurrency: [1, 2, 4, 8], stepDuration: 10s }
                thresholds: [ "breakpoint >= 8 users", "usl.sigma < 0.1", "optimal-load > 2", "p95 < 1s" ]
                """).thresholds()).hasSize(4);
    }

    @Test
    void tooManyLevelsAreRefused() {
        String levels = String.join(", ", IntStream.rangeClosed(1, 101).mapToObj(Integer::toString)
                .toList());
        assertProblem("load: { rate: [" + levels + "], stepDuration: 1s }\n", 3, "load.rate", "more than the limit of 100");
    }

    @Test
    void aPlanOfOnlyPausesIsRefused() {
        assertProblem("""
                load: { stages: [ { pause: 5s } ] }
                """, 3, "load.stages", "only pauses");
    }
}
