package dev.perf.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The commit and branch of a build: from the usual CI environment variables (GitHub Actions, GitLab, Jenkins,
 * CircleCI, Buildkite, Travis, Azure Pipelines), else read from the repository's {@code .git} folder (no git
 * command needed), else unknown.
 *
 * @param commit  hash, or {@code null}
 * @param branch  branch name, or {@code null} (a detached checkout has none)
 * @param buildId CI build or job id, or {@code null}
 * @param buildUrl link to the CI build, or {@code null}
 */
public record GitInfo(String commit, String branch, String buildId, String buildUrl) {
    private static final List<String> COMMIT_VARIABLES = List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT",
            "CIRCLE_SHA1", "BUILDKITE_COMMIT", "TRAVIS_COMMIT", "BUILD_SOURCEVERSION");
    private static final List<String> BRANCH_VARIABLES = List.of("GITHUB_HEAD_REF", "GITHUB_REF_NAME",
            "CI_COMMIT_REF_NAME", "GIT_BRANCH", "BRANCH_NAME", "CIRCLE_BRANCH", "BUILDKITE_BRANCH", "TRAVIS_BRANCH",
            "BUILD_SOURCEBRANCHNAME");

    /** @param projectDirectory where to look for {@code .git}, upwards */
    public static GitInfo detect(Map<String, String> environment, Path projectDirectory) {
        String commit = first(environment, COMMIT_VARIABLES);
        String branch = first(environment, BRANCH_VARIABLES);
        if (branch != null && branch.startsWith("origin/")) {
            branch = branch.substring("origin/".length());
        }
        if (commit == null || branch == null) {
            GitInfo local = fromRepository(projectDirectory);
            commit = commit != null ? commit : local.commit();
            branch = branch != null ? branch : local.branch();
        }
        return new GitInfo(commit, branch, buildId(environment), buildUrl(environment));
    }

    private static String buildId(Map<String, String> env) {
        return first(env, List.of("GITHUB_RUN_ID", "CI_JOB_ID", "BUILD_NUMBER", "CIRCLE_BUILD_NUM",
                "BUILDKITE_BUILD_NUMBER", "TRAVIS_BUILD_NUMBER", "BUILD_BUILDID"));
    }

    private static String buildUrl(Map<String, String> env) {
        if (env.get("GITHUB_RUN_ID") != null && env.get("GITHUB_REPOSITORY") != null) {
            return env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.get("GITHUB_REPOSITORY")
                    + "/actions/runs/" + env.get("GITHUB_RUN_ID");
        }
        return first(env, List.of("CI_JOB_URL", "BUILD_URL", "CIRCLE_BUILD_URL", "BUILDKITE_BUILD_URL",
                "TRAVIS_BUILD_WEB_URL"));
    }

    private static String first(Map<String, String> env, List<String> names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** Reads {@code .git/HEAD} (and the ref it names) in the nearest enclosing repository. */
    static GitInfo fromRepository(Path directory) {
        for (Path dir = directory == null ? null : directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD")).trim();
                    if (!head.startsWith("ref: ")) {
                        return new GitInfo(head, null, null, null);
                    }
                    String ref = head.substring(5).trim();
                    String branch = ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
                    return new GitInfo(resolve(git, ref), branch, null, null);
                } catch (IOException e) {
                    return new GitInfo(null, null, null, null);
                }
            }
        }
        return new GitInfo(null, null, null, null);
    }

    private static String resolve(Path git, String ref) throws IOException {
        Path loose = git.resolve(ref);
        if (Files.isRegularFile(loose)) {
            return Files.readString(loose).trim();
        }
        Path packed = git.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed)) {
                if (line.endsWith(" " + ref)) {
                    return line.substring(0, line.indexOf(' '));
                }
            }
        }
        return null;
    }
}
