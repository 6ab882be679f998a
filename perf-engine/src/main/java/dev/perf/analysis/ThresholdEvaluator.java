package dev.perf.analysis;

import dev.perf.metrics.RequestStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Judges thresholds against a run's figures. A threshold over no samples fails: it never passes vacuously. */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    /**
     * @param overall   whole-scenario figures
     * @param byRequest figures per request name
     */
    public static List<ThresholdResult> evaluate(List<Threshold> thresholds, RequestStats overall,
                                                 Map<String, RequestStats> byRequest) {
        List<ThresholdResult> results = new ArrayList<>(thresholds.size());
        for (Threshold threshold : thresholds) {
            RequestStats stats = threshold.request() == null ? overall : byRequest.get(threshold.request());
            Double actual = stats == null ? null : threshold.metric().valueOf(stats);
            boolean passed = actual != null && !actual.isNaN()
                    && threshold.comparison().holds(actual, threshold.limit());
            results.add(new ThresholdResult(threshold, actual, passed));
        }
        return results;
    }
}
