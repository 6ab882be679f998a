package dev.perf.run;

import dev.perf.scenario.Shard;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** perf.shard, perf.runKey and perf.startAt, else what the CI or Kubernetes sets. */
class ShardOptionsTest {

    @Test
    void propertiesComeFirstThenTheSchedulersVariables() {
        ShardOptions given = ShardOptions.resolve("2/4", "nightly-7", "2026-12-02T10:00:00Z",
                Map.of("PERF_SHARD", "1/2", "GITHUB_RUN_ID", "99"));
        assertThat(given).isEqualTo(new ShardOptions(new Shard(2, 4), "nightly-7",
                Instant.parse("2026-12-02T10:00:00Z")));
        ShardOptions github = ShardOptions.resolve(null, null, null, Map.of("PERF_SHARD", "1/2", "GITHUB_RUN_ID", "99"));
        assertThat(github).isEqualTo(new ShardOptions(new Shard(1, 2), "99", null));
        ShardOptions kubernetes = ShardOptions.resolve("", "", "", Map.of("JOB_COMPLETION_INDEX", "2",
                "PERF_SHARD_COUNT", "3"));
        assertThat(kubernetes.shard()).isEqualTo(new Shard(3, 3));
        assertThat(kubernetes.runKey()).isNull();
        assertThat(ShardOptions.resolve(null, "k", null, Map.of())).as("the whole load").isNull();
        // a value the shards share (GitLab's CI_PIPELINE_CREATED_AT) plus a delay
        assertThat(ShardOptions.resolve("1/2", null, "2026-12-02T10:00:00Z+5m", Map.of()).startAt())
                .isEqualTo(Instant.parse("2026-12-02T10:05:00Z"));
    }

    @Test
    void badValuesSayWhichPropertyAndWhatIsValid() {
        assertThatThrownBy(() -> ShardOptions.resolve("5/4", null, null, Map.of()))
                .hasMessageContaining("perf.shard='5/4' is not a shard");
        assertThatThrownBy(() -> ShardOptions.resolve("1/2", null, "tomorrow", Map.of()))
                .hasMessageContaining("perf.startAt='tomorrow' is not an instant").hasMessageContaining("2026-12-02T");
        assertThatThrownBy(() -> ShardOptions.resolve("1/2", null, "2026-12-02T10:00:00Z+soon", Map.of()))
                .hasMessageContaining("perf.startAt='2026-12-02T10:00:00Z+soon' is not an instant")
                .hasMessageContaining("2026-12-02T10:00:00Z+5m");
        assertThatThrownBy(() -> ShardOptions.resolve(null, null, "2026-12-02T10:00:00Z", Map.of()))
                .hasMessageContaining("runs no shard");
    }
}
