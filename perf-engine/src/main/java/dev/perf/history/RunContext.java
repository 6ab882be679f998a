package dev.perf.history;

/**
 * Where and on what a run happened: recorded with it, so that trends and baselines compare like with like.
 *
 * @param project      Maven coordinates {@code group:artifact:version}, or {@code null}
 * @param gitCommit    commit hash, or {@code null}
 * @param gitBranch    branch, or {@code null}
 * @param ciBuildId    CI build or job id, or {@code null} outside CI
 * @param ciBuildUrl   link to the CI build, or {@code null}
 * @param host         host name
 * @param hardware     fingerprint: a short hash of {@code hardwareJson}, equal on equal hardware
 * @param hardwareJson CPU model, cores (or the container's CPU limit), JDK and OS, as JSON
 * @param toolVersion  perf's version
 */
public record RunContext(String project, String gitCommit, String gitBranch, String ciBuildId, String ciBuildUrl,
                         String host, String hardware, String hardwareJson, String toolVersion) {
}
