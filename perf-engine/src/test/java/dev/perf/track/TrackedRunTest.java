package dev.perf.track;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tracked test's run: its operations' figures and costs, and its time series. */
@Timeout(30)
class TrackedRunTest {

    @Test
    void executionsAreRecordedPerOperationWithTheirOutcomeAndCost() {
        TrackedRun run = new TrackedRun("t");
        for (int i = 0; i < 10; i++) {
            TrackedRun.Execution execution = TrackedRun.begin();
            execution.end(run, "fast", i == 3 ? new IllegalStateException("boom") : null);
        }
        TrackedRun.begin().end(run, "other", new AssertionError("expected 1"));

        RunMetrics metrics = run.metrics();
        assertThat(metrics.byRequest()).containsOnlyKeys("fast", "other");
        RequestStats fast = metrics.byRequest().get("fast");
        assertThat(fast.count()).isEqualTo(10);
        assertThat(fast.failed()).isEqualTo(1);
        assertThat(fast.latencyMicros().getTotalCount()).isEqualTo(10);
        assertThat(fast.errorCounts().values()).singleElement()
                .satisfies(e -> assertThat(e.firstMessage()).isEqualTo("IllegalStateException: boom"));
        assertThat(metrics.overall().count()).isEqualTo(11);
        Map<String, OperationCost> costs = run.costs();
        assertThat(costs).containsOnlyKeys("fast", "other", RequestStats.ALL);
        assertThat(costs.get(RequestStats.ALL).executions()).isEqualTo(11);
        assertThat(costs.get("fast").cpuMillisPerExecution()).isNotNull();
        assertThatThrownBy(() -> TrackedRun.begin().end(run, "has space", null))
                .hasMessageContaining("'has space' cannot name a tracked operation");
    }

    @Test
    void theTimeSeriesHasAPointPerSecondWhoseCountsAddUpToTheRun() throws Exception {
        TrackedRun run = new TrackedRun("t");
        run.startSampling();
        long until = System.nanoTime() + 2_300_000_000L;
        while (System.nanoTime() < until) {
            TrackedRun.Execution execution = TrackedRun.begin();
            Thread.sleep(5);
            execution.end(run, "sleep", null);
        }
        run.stopSampling();
        run.stopSampling(); // a second stop adds nothing

        Map<String, List<IntervalPoint>> series = run.metrics().series();
        assertThat(series).containsOnlyKeys(RequestStats.ALL, "sleep");
        List<IntervalPoint> all = series.get(RequestStats.ALL);
        // a point at about 1 s and 2 s, and the last for what followed (a loaded machine may fold one into the last)
        assertThat(all).hasSizeBetween(2, 3);
        assertThat(all.get(0).endSeconds()).isBetween(0.9, 2.5);
        assertThat(all.get(all.size() - 1).endSeconds()).isGreaterThanOrEqualTo(2.3);
        assertThat(all.stream().mapToLong(IntervalPoint::count).sum()).isEqualTo(run.metrics().overall().count());
        assertThat(series.get("sleep").stream().mapToLong(IntervalPoint::count).sum())
                .isEqualTo(run.metrics().overall().count());
        assertThat(all.get(0).p50Millis()).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void withoutSamplingTheSeriesIsOnePointForTheWholeRun() {
        TrackedRun run = new TrackedRun("t");
        TrackedRun.begin().end(run, "once", null);
        assertThat(run.metrics().series().get(RequestStats.ALL)).isEmpty();
        run.stopSampling();
        assertThat(run.metrics().series().get(RequestStats.ALL)).singleElement()
                .satisfies(p -> assertThat(p.count()).isEqualTo(1));
    }
}
