package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a run's folder holds in {@code summary.json} until its results replace it: {@code running} with the process's
 * id, or {@code crashed} with a note when that process died first. Reading a finished run's summary.json as a marker
 * gives its status.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunMarker(int schemaVersion, String status, Long pid, String startTime, String runId, String scenario,
                        @JsonInclude(JsonInclude.Include.ALWAYS) String verdict, String note) {

    public RunMarker crashed(String why) {
        return new RunMarker(schemaVersion, Invocation.CRASHED, pid, startTime, runId, scenario, verdict, why);
    }
}
