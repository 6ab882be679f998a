package dev.perf.metrics;

import java.util.Map;

/**
 * Figures of one stage; requests are attributed to the stage in which they were sent.
 *
 * @param index          0-based stage index
 * @param description    e.g. "200/s for 30s"
 * @param elapsedSeconds how long the stage offered load
 */
public record StageMetrics(int index, String description, double elapsedSeconds, RequestStats overall,
                           Map<String, RequestStats> byRequest) {
}
