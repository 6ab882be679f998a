package dev.perf.metrics;

import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Figures of one stage; requests are attributed to the stage in which they were sent.
 *
 * @param index            0-based stage index
 * @param description      e.g. "200/s for 30s"
 * @param ran              false when the plan stopped before this stage (a stepped test's {@code stopWhen}, Ctrl-C)
 * @param offersLoad       false for a pause
 * @param elapsedSeconds   how long the stage offered load
 * @param lateSends        open-model sends of this stage more than {@link SendLag#LATE_MICROS} behind schedule
 * @param sendLagP99Millis the pacer's lateness in this stage, {@code null} without open-model sends
 * @param sendLagMaxMillis worst lateness in this stage, {@code null} without open-model sends
 * @param sendLagMicros    the pacer's lateness in this stage, every send (what a merge of shards adds up), or
 *                         {@code null} where not kept
 */
public record StageMetrics(int index, String description, boolean ran, boolean offersLoad, double elapsedSeconds,
                           RequestStats overall, Map<String, RequestStats> byRequest, long lateSends,
                           Double sendLagP99Millis, Double sendLagMaxMillis, Histogram sendLagMicros) {

    public StageMetrics {
        byRequest = Collections.unmodifiableMap(new LinkedHashMap<>(byRequest));
    }
}
