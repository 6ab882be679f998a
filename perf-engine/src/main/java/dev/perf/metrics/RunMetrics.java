package dev.perf.metrics;

import java.util.List;
import java.util.Map;

/**
 * Everything measured in one run, computed once after the load ends.
 *
 * @param elapsedSeconds    time load was offered, summed over stages
 * @param overall           all requests, all stages
 * @param byRequest         per request name over all stages, in scenario order
 * @param stages            per stage
 * @param series            one-second points per request name and {@link RequestStats#ALL}
 * @param connectionsOpened TCP connections opened
 * @param connectionsReused requests sent on a pooled (kept-alive) connection
 * @param lateSends         open-model sends more than {@link SendLag#LATE_MICROS} behind schedule
 * @param sendLagP99Millis  99th percentile of the pacer's lateness, {@code null} for the closed model
 * @param sendLagMaxMillis  worst lateness, {@code null} for the closed model
 * @param flows             per flow of several steps: each iteration from its start to its last step's end
 * @param parts             figures of thresholds judged on part of the run, by the threshold's position
 */
public record RunMetrics(double elapsedSeconds, RequestStats overall, Map<String, RequestStats> byRequest,
                         List<StageMetrics> stages, Map<String, List<IntervalPoint>> series,
                         long connectionsOpened, long connectionsReused, long lateSends,
                         Double sendLagP99Millis, Double sendLagMaxMillis, Map<String, RequestStats> flows,
                         Map<Integer, ThresholdWindows.Part> parts) {

    public RunMetrics(double elapsedSeconds, RequestStats overall, Map<String, RequestStats> byRequest,
                      List<StageMetrics> stages, Map<String, List<IntervalPoint>> series, long connectionsOpened,
                      long connectionsReused, long lateSends, Double sendLagP99Millis, Double sendLagMaxMillis,
                      Map<String, RequestStats> flows) {
        this(elapsedSeconds, overall, byRequest, stages, series, connectionsOpened, connectionsReused, lateSends,
                sendLagP99Millis, sendLagMaxMillis, flows, Map.of());
    }

    /** Without flows. */
    public RunMetrics(double elapsedSeconds, RequestStats overall, Map<String, RequestStats> byRequest,
                      List<StageMetrics> stages, Map<String, List<IntervalPoint>> series, long connectionsOpened,
                      long connectionsReused, long lateSends, Double sendLagP99Millis, Double sendLagMaxMillis) {
        this(elapsedSeconds, overall, byRequest, stages, series, connectionsOpened, connectionsReused, lateSends,
                sendLagP99Millis, sendLagMaxMillis, Map.of(), Map.of());
    }
}
