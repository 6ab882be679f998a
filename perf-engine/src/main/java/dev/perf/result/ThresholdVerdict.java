package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A threshold and how it was judged.
 *
 * @param request    the request it is about, or {@code null} for all
 * @param limit      the limit, or {@code null} for a threshold relative to the baseline
 * @param unit       percent, millis, per_second, count, load, number, bytes or bytes_per_second
 * @param actual     what was measured, or {@code null} when nothing could be
 * @param state      passed, failed or inconclusive
 * @param gate       {@code true} for a default gate (left out otherwise)
 * @param relativeTo {@code baseline} for a relative threshold (left out otherwise)
 * @param note       why it could not be judged, or what it was judged on
 * @param flow       {@code true} when {@code request} names a flow, whose iterations it judged (left out otherwise)
 */
public record ThresholdVerdict(String expression, String request, String metric, String comparison, Double limit,
                               String unit, Double actual, boolean passed, boolean judged, String state,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean gate,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String relativeTo,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean flow) {
}
