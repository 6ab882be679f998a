package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The invocation's {@code summary.json}: the verdict of one {@code perf:run} and its runs. While the runs go, and when
 * nothing could run, it is a marker instead: status {@code running} (with the process's id and start), {@code invalid}
 * or {@code crashed}.
 *
 * @param verdict  passed, failed or inconclusive; {@code null} while running
 * @param status   completed, partial, running, invalid or crashed
 * @param pid      the process running it, in a {@code running} marker
 * @param problems what went wrong besides the verdicts, one line each; {@code null} in a running marker
 */
public record Invocation(int schemaVersion, String verdict, String status,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long pid,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String startTime,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> problems, List<Run> runs) {
    public static final String COMPLETED = "completed";
    public static final String PARTIAL = "partial";
    public static final String RUNNING = "running";
    public static final String INVALID = "invalid";
    public static final String CRASHED = "crashed";

    /**
     * One run of the invocation.
     *
     * @param summary      its summary.json, relative to the invocation's
     * @param failures     why it failed, one line each
     * @param inconclusive what could not be judged, one line each
     */
    public record Run(String scenario, String runId, String verdict, String status, String summary,
                      List<String> breaches, List<String> failures, List<String> inconclusive) {
    }
}
