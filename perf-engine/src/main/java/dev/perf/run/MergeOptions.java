package dev.perf.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code perf:merge} merges.
 *
 * @param shardResults  folders or globs of the shard builds' results ({@code perf.shardResults})
 * @param baseDirectory what relative entries are relative to (the project's folder)
 * @param allowPartial  whether missing shards are merged without ({@code perf.mergePartial}); the merged run is then
 *                      marked partial and cannot pass
 */
public record MergeOptions(List<String> shardResults, Path baseDirectory, boolean allowPartial) {

    public MergeOptions {
        shardResults = List.copyOf(shardResults);
    }
}
