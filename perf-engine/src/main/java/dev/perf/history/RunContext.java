package dev.perf.history;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * This build's context: commit and branch from CI variables or {@code .git}, this host and its hardware.
     *
     * @param project Maven coordinates, or {@code null}
     */
    public static RunContext detect(String project, Path projectDirectory, Map<String, String> environment) {
        GitInfo git = GitInfo.detect(environment, projectDirectory);
        String[] hardware = Hardware.describe();
        return new RunContext(project, git.commit(), git.branch(), git.buildId(), git.buildUrl(), host(environment),
                hardware[0], hardware[1], PerfVersion.get());
    }

    /** This machine's name, for the run's record and a shard's results. */
    public static String host(Map<String, String> environment) {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return environment.getOrDefault("HOSTNAME", "unknown");
        }
    }
}
