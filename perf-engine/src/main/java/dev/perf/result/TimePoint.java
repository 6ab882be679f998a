package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One interval of a run.
 *
 * @param t        the interval's end, in seconds from the start
 * @param seconds  its length
 * @param statuses responses by HTTP status (left out when none)
 * @param errors   failures by kind (left out when none)
 * @param inFlight open-model requests sent or due and not completed at the interval's end (the {@code ALL} series of
 *                 a load run; left out elsewhere)
 * @param users    closed-model virtual users running at the interval's end (likewise)
 */
public record TimePoint(double t, double seconds, long count, long failed, Double p50Ms, Double p90Ms, Double p95Ms,
                        Double p99Ms, Double maxMs, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> statuses,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> errors,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer inFlight,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer users) {
}
