package dev.perf.analysis;

import dev.perf.scenario.ThresholdParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule every run is judged by, load runs and tracked tests alike. */
class JudgementTest {
    private static final ThresholdResult HELD = new ThresholdResult(ThresholdParser.parse("p95 <= 100ms"), 50.0, true,
            null, true);
    private static final ThresholdResult BROKE = new ThresholdResult(ThresholdParser.parse("p99 <= 100ms"), 150.0,
            false, null, true);
    private static final ThresholdResult NO_BASELINE = new ThresholdResult(ThresholdParser.parse("p95 <= baseline * 2"),
            null, true, "no earlier comparable run", false);

    @Test
    void aRunThatMeasuredEverythingAndHeldPasses() {
        Judgement j = Judgement.of(false, null, null, List.of(HELD), List.of(), true, List.of());
        assertThat(j.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(j.failures()).isEmpty();
        assertThat(j.recorded()).isEqualTo("passed");
    }

    @Test
    void whatCouldNotBeJudgedMakesItInconclusiveUnlessSomethingBroke() {
        Judgement inconclusive = Judgement.of(false, null, null, List.of(HELD, NO_BASELINE), List.of(), false,
                List.of());
        assertThat(inconclusive.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(inconclusive.failed()).isFalse();
        assertThat(inconclusive.inconclusive()).singleElement().asString().startsWith("inconclusive: p95 <= baseline");

        Judgement failed = Judgement.of(false, null, null, List.of(BROKE, NO_BASELINE), List.of(), false, List.of());
        assertThat(failed.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(failed.failures()).singleElement().asString().startsWith("breach: p99 <= 100ms");
        assertThat(failed.inconclusive()).hasSize(1);
    }

    @Test
    void everyReasonToFailIsListedInOrder() {
        Judgement j = Judgement.of(true, null, "the generator was saturated", List.of(BROKE), List.of(), false,
                List.of("failed executions of save"));
        assertThat(j.failures()).containsExactly("stopped early (interrupted)", "the generator was saturated",
                "breach: " + BROKE.describe(), "failed executions of save");
        assertThat(j.recorded()).isEqualTo("partial");
        assertThat(Judgement.of(true, "stopWhen held", null, List.of(), List.of(), false, List.of()).failures())
                .containsExactly("stopped early: stopWhen held");
    }

    @Test
    void severalRunsFailTogetherWhenAnyFailedOrTheyWereStopped() {
        assertThat(Verdict.of(List.of(Verdict.PASSED, Verdict.INCONCLUSIVE), false)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Verdict.of(List.of(Verdict.PASSED, Verdict.FAILED), false)).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.of(List.of(Verdict.PASSED), true)).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.of(Set.of(), false)).isEqualTo(Verdict.PASSED);
    }
}
