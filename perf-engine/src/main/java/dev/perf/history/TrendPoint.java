package dev.perf.history;

import java.util.Map;

/**
 * A scenario's or request's figures over one run or one day. Percentiles come from the merged histograms of the
 * runs in it, never from averaging percentiles. {@code null}: no responses.
 *
 * @param label     the run id, or the day ({@code 2026-11-27}, UTC)
 * @param runs      how many runs it covers
 * @param rps       responses per second of load, over all its runs
 * @param resources resource figures: {@code "target.cpu.avg"}, {@code "target.memory.max"}, ... (averages are
 *                  weighted by samples, maxima are the maximum); for tracked operations also
 *                  {@link HistoryQuery#OPERATION_CPU_MS} and {@link HistoryQuery#OPERATION_ALLOCATED_BYTES}
 */
public record TrendPoint(String label, int runs, long count, long ok, Double successRate, Double avgMs, Double p50Ms,
                         Double p95Ms, Double p99Ms, Double rps, Map<String, Double> resources) {
}
