package dev.perf.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GitInfoTest {
    @TempDir
    Path dir;

    @Test
    void ciVariablesWin() {
        GitInfo github = GitInfo.detect(Map.of("GITHUB_SHA", "abc", "GITHUB_REF_NAME", "main", "GITHUB_RUN_ID", "42",
                "GITHUB_REPOSITORY", "acme/shop"), dir);
        assertThat(github).isEqualTo(new GitInfo("abc", "main", "42", "https://github.com/acme/shop/actions/runs/42"));

        GitInfo jenkins = GitInfo.detect(Map.of("GIT_COMMIT", "def", "GIT_BRANCH", "origin/release", "BUILD_NUMBER", "7",
                "BUILD_URL", "https://ci/job/7/"), dir);
        assertThat(jenkins).isEqualTo(new GitInfo("def", "release", "7", "https://ci/job/7/"));
    }

    @Test
    void otherwiseTheRepositoryIsRead() throws Exception {
        Path git = Files.createDirectories(dir.resolve(".git/refs/heads/feature"));
        Files.writeString(dir.resolve(".git/HEAD"), "ref: refs/heads/feature/x\n");
        Files.writeString(git.resolve("x"), "0123abcd\n");
        Path module = Files.createDirectories(dir.resolve("module/sub"));
        assertThat(GitInfo.detect(Map.of(), module)).isEqualTo(new GitInfo("0123abcd", "feature/x", null, null));

        // a packed ref, and a detached head
        Files.delete(git.resolve("x"));
        Files.writeString(dir.resolve(".git/packed-refs"), "# pack-refs\nfeedbeef refs/heads/feature/x\n");
        assertThat(GitInfo.detect(Map.of(), module).commit()).isEqualTo("feedbeef");
        Files.writeString(dir.resolve(".git/HEAD"), "cafebabe\n");
        assertThat(GitInfo.detect(Map.of(), module)).isEqualTo(new GitInfo("cafebabe", null, null, null));
    }

    @Test
    void noRepositoryAndNoCiIsUnknown() {
        assertThat(GitInfo.fromRepository(Path.of("/"))).isEqualTo(new GitInfo(null, null, null, null));
    }
}
