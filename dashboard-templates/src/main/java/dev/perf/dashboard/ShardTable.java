package dev.perf.dashboard;

import dev.perf.result.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A merged run's shards, one row each, for the run page (nothing for a run that was not merged). */
final class ShardTable {

    private ShardTable() {
    }

    static void add(RunResult.Merged merged, Map<String, Object> view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (merged != null) {
            for (RunResult.Part p : RunView.listed(merged.shards())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("shard", p.index() + "/" + merged.count());
                row.put("host", RunView.text(p.host()));
                row.put("runId", RunView.text(p.runId()));
                row.put("late", p.startLateMs() == null ? Format.NONE : Format.count(p.startLateMs()) + " ms");
                row.put("count", Format.count(p.count()));
                row.put("failed", Format.count(p.failed()));
                row.put("dropped", Format.count(p.dropped()));
                row.put("rps", Format.fixed(p.rps(), 1));
                row.put("p99", Format.fixed(p.p99Ms(), 2));
                row.put("lag", Format.fixed(p.sendLagP99Ms(), 2));
                row.put("cpu", p.generatorCpuMaxPercent() == null ? Format.NONE
                        : Format.fixed(p.generatorCpuMaxPercent(), 0) + "%");
                row.put("generator", p.saturated() ? "saturated: " + String.join("; ", RunView.listed(p.saturation()))
                        : "kept up");
                rows.add(row);
            }
        }
        view.put("shards", rows);
        view.put("mergedFrom", merged == null ? "" : "Merged from " + rows.size() + " of " + merged.count()
                + " shards" + (merged.runKey() == null ? "" : " of run " + RunView.text(merged.runKey()))
                + (merged.partial() ? "; missing: " + String.join(", ", RunView.listed(merged.missing()).stream()
                .map(i -> i + "/" + merged.count()).toList()) + " (a partial merge cannot pass)" : "") + ".");
    }
}
