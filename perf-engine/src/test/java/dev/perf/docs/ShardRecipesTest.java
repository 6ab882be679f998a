package dev.perf.docs;

import dev.perf.run.ShardOptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipes of docs/guide/shards.md are complete: each runs N shards that together are the whole load (every index
 * once), keeps each shard's results where its merge step looks for them, and merges after the shards. DocsYamlTest
 * checks that they parse; this checks that they fit together.
 */
class ShardRecipesTest {
    private static final Path GUIDE = Path.of("..").toAbsolutePath().normalize().resolve("docs/guide/shards.md");
    private static final Pattern BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    private static List<String> blocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(GUIDE));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String block(String firstLine) throws IOException {
        return blocks().stream().filter(b -> b.startsWith(firstLine)).findFirst().orElseThrow(() ->
                new AssertionError("no recipe starting with " + firstLine));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitHubActionsRunsEveryShardThenMergesTheirArtifacts() throws IOException {
        Map<String, Object> workflow = new Yaml().load(block("# not a scenario: a GitHub Actions workflow"));
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        Map<String, Object> shard = (Map<String, Object>) jobs.get("shard");
        List<Integer> indexes = (List<Integer>) ((Map<String, Object>) ((Map<String, Object>) shard.get("strategy"))
                .get("matrix")).get("shard");
        int count = indexes.size();
        assertThat(indexes).containsExactlyElementsOf(range(count));
        String steps = shard.get("steps").toString();
        assertThat(steps).contains("perf:run -Dperf.shard=${{ matrix.shard }}/" + count)
                .contains("-Dperf.startAt=${{ needs.plan.outputs.start }}").contains("actions/upload-artifact")
                .contains("name=perf-shard-${{ matrix.shard }}, path=target/perf");
        assertThat(shard.get("needs")).isEqualTo("plan");
        Map<String, Object> merge = (Map<String, Object>) jobs.get("merge");
        assertThat(merge.get("needs")).isEqualTo("shard");
        assertThat(merge.get("steps").toString()).contains("pattern=perf-shard-*, path=shards")
                .contains("mvn -B perf:merge -Dperf.shardResults=shards/*").contains("actions/cache");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gitLabRunsEveryShardThenMergesTheirArtifacts() throws IOException {
        Map<String, Object> pipeline = new Yaml().load(block("# not a scenario: a GitLab CI pipeline"));
        Map<String, Object> shard = (Map<String, Object>) pipeline.get("shard");
        assertThat(shard.get("parallel")).isInstanceOf(Integer.class);
        String script = shard.get("script").toString();
        assertThat(script).contains("perf:run -Dperf.shard=$CI_NODE_INDEX/$CI_NODE_TOTAL")
                .contains("-Dperf.startAt=$CI_PIPELINE_CREATED_AT+4m")
                .contains("-Dperf.outputDirectory=shards/shard-$CI_NODE_INDEX");
        assertThat(((Map<String, Object>) shard.get("artifacts")).get("paths").toString()).contains("shards/");
        Map<String, Object> merge = (Map<String, Object>) pipeline.get("merge");
        assertThat((List<String>) merge.get("needs")).containsExactly("shard");
        assertThat(merge.get("script").toString()).contains("perf:merge -Dperf.shardResults=shards/*");
        // GitLab numbers parallel jobs from 1, as perf.shard does
        int count = (Integer) shard.get("parallel");
        for (int i = 1; i <= count; i++) {
            // as GitLab sets them: CI_PIPELINE_CREATED_AT is ISO-8601 UTC
            assertThat(ShardOptions.resolve(i + "/" + count, null, "2026-12-02T10:00:00Z+4m",
                    Map.of("CI_PIPELINE_ID", "77"))).satisfies(o -> {
                        assertThat(o.runKey()).isEqualTo("77");
                        assertThat(o.startAt()).hasToString("2026-12-02T10:04:00Z");
                    });
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesIndexedJobGivesEveryPodItsShardThenAJobMerges() throws IOException {
        List<Object> documents = new ArrayList<>();
        new Yaml().loadAll(block("# not a scenario: Kubernetes manifests")).forEach(documents::add);
        assertThat(documents).hasSize(2);
        Map<String, Object> shards = (Map<String, Object>) documents.get(0);
        Map<String, Object> spec = (Map<String, Object>) shards.get("spec");
        assertThat(shards.get("kind")).isEqualTo("Job");
        assertThat(spec.get("completionMode")).isEqualTo("Indexed");
        int count = (Integer) spec.get("completions");
        assertThat(spec.get("parallelism")).isEqualTo(count);
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        assertThat(env).anySatisfy(e -> {
            assertThat(e.get("name")).isEqualTo("PERF_SHARD_COUNT");
            assertThat(e.get("value")).isEqualTo(Integer.toString(count));
        });
        assertThat(container.get("args").toString()).contains("mvn -B perf:run")
                .contains("-Dperf.outputDirectory=/results/$RUN_KEY/shard-$JOB_COMPLETION_INDEX");
        // each pod's JOB_COMPLETION_INDEX (from 0) is a different shard, and together they are all of them
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indexes.add(ShardOptions.resolve(null, "k", null, Map.of("JOB_COMPLETION_INDEX", Integer.toString(i),
                    "PERF_SHARD_COUNT", Integer.toString(count))).shard().index());
        }
        assertThat(indexes).containsExactlyElementsOf(range(count));
        Map<String, Object> merge = (Map<String, Object>) documents.get(1);
        Map<String, Object> mergeTemplate = (Map<String, Object>) ((Map<String, Object>) merge.get("spec"))
                .get("template");
        String mergeArgs = ((Map<String, Object>) mergeTemplate.get("spec")).get("containers").toString();
        assertThat(mergeArgs).contains("perf:merge -Dperf.shardResults=/results/$RUN_KEY/shard-*");
    }

    private static List<Integer> range(int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(i);
        }
        return all;
    }
}
