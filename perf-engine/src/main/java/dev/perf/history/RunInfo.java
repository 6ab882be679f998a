package dev.perf.history;

import java.time.Instant;

/**
 * What the history says about one recorded run, besides its figures: for lists and links.
 *
 * @param verdict     passed, failed, aborted or partial
 * @param environment the environment {@code -Dperf.env} chose, or {@code null}
 */
public record RunInfo(String runId, String scenario, Instant start, String verdict, String loadDescription,
                      String gitCommit, String gitBranch, String ciBuildUrl, String environment) {
}
