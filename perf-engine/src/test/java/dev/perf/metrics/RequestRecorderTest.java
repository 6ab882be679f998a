package dev.perf.metrics;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestRecorderTest {

    @Test
    void latencyRunsFromTheIntendedTimeAndServiceTimeFromTheActualSend() {
        RequestRecorder recorder = new RequestRecorder("r");
        // intended at 0, sent 5 ms late, answered 1 ms after the send
        recorder.recordResponse(200, true, 0, 5_000_000, 6_000_000, 10, 0);
        // HdrHistogram keeps 3 significant digits: compare within its resolution
        Histogram latency = recorder.intervalLatency();
        Histogram service = recorder.intervalServiceTime();
        assertThat(latency.valuesAreEquivalent(latency.getMaxValue(), 6000)).isTrue();
        assertThat(service.valuesAreEquivalent(service.getMaxValue(), 1000)).isTrue();
        assertThat(recorder.ok()).isEqualTo(1);
        assertThat(recorder.statusCounts()).containsEntry(200, 1L);
    }

    @Test
    void aLatencyBeyondAnyPresetRangeIsRecordedNotThrown() {
        RequestRecorder recorder = new RequestRecorder("r");
        long tenDaysNanos = 10L * 24 * 3600 * 1_000_000_000L;
        recorder.recordFailure(ErrorKind.TIMEOUT, "slow", 0, 0, tenDaysNanos, 0);
        assertThat(recorder.intervalLatency().getMaxValue()).isGreaterThanOrEqualTo(tenDaysNanos / 1000);
        assertThat(recorder.errorCounts().get(ErrorKind.TIMEOUT)).isEqualTo(new RequestStats.ErrorCount(1, "slow"));
    }

    @Test
    void keepsTheFirstMessageOfEachErrorKindOnly() {
        RequestRecorder recorder = new RequestRecorder("r");
        recorder.recordResponse(503, false, 0, 0, 1000, 0, 0);
        recorder.noteUnexpectedStatus(503, "2xx");
        recorder.recordResponse(500, false, 0, 0, 1000, 0, 0);
        recorder.noteUnexpectedStatus(500, "2xx");
        assertThat(recorder.errorCounts().get(ErrorKind.STATUS))
                .isEqualTo(new RequestStats.ErrorCount(2, "HTTP 503 (expected 2xx)"));
        assertThat(recorder.failed()).isEqualTo(2);
    }
}
