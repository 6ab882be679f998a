package dev.perf.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perf.metrics.Histograms;
import dev.perf.metrics.RequestRecorder;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-request table: the busiest {@link #MAX_SHOWN} requests by name, the rest merged into one "other" row, so
 * that many request names cannot blow a page up. The "other" row's percentiles come from the merged histograms
 * summary.json carries, never from averaging percentiles; without them they are "n/a".
 */
final class RequestTable {
    static final int MAX_SHOWN = 30;
    private static final List<String> LATENCY = List.of("min", "avg", "p50", "p90", "p95", "p99", "max");

    private RequestTable() {
    }

    /** @return rows to show, then (when there are more) the "other" row under key "other", and how many it holds */
    static Map<String, Object> of(JsonNode requests) {
        List<JsonNode> all = new ArrayList<>();
        requests.forEach(all::add);
        List<JsonNode> byCount = new ArrayList<>(all);
        byCount.sort(Comparator.comparingLong((JsonNode r) -> r.path("count").asLong()).reversed());
        Set<JsonNode> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        shown.addAll(byCount.subList(0, Math.min(MAX_SHOWN, byCount.size())));
        List<Map<String, Object>> rows = new ArrayList<>();
        // keep the scenario's own order among the rows shown
        all.stream().filter(shown::contains).forEach(r -> rows.add(row(r)));
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("rows", rows);
        List<JsonNode> rest = byCount.subList(shown.size(), byCount.size());
        table.put("otherCount", rest.size());
        if (!rest.isEmpty()) {
            table.put("other", other(rest));
        }
        return table;
    }

    static Map<String, Object> row(JsonNode stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        JsonNode latency = stats.path("latencyMs");
        row.put("name", stats.path("name").asText());
        row.put("count", Format.count(stats.path("count")));
        row.put("success", Format.percent(stats.path("successRate")));
        row.put("rps", Format.fixed(stats.path("rps"), 1));
        for (String key : LATENCY) {
            row.put(key, Format.fixed(latency.path(key), 2));
        }
        return row;
    }

    /** The requests not shown, merged: counts add up; latency from their merged histograms. */
    private static Map<String, Object> other(List<JsonNode> rest) {
        long count = 0;
        long ok = 0;
        double rps = 0;
        boolean anyRps = false;
        Histogram merged = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        boolean histograms = true;
        for (JsonNode r : rest) {
            count += r.path("count").asLong();
            ok += r.path("ok").asLong();
            if (r.path("rps").isNumber()) {
                rps += r.path("rps").asDouble();
                anyRps = true;
            }
            String encoded = r.path("latencyHistogram").asText(null);
            if (encoded == null) {
                histograms = false;
            } else {
                try {
                    merged.add(Histograms.decode(Base64.getDecoder().decode(encoded)));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    histograms = false;
                }
            }
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "other (" + rest.size() + " requests)");
        row.put("count", Format.count(count));
        row.put("success", count == 0 ? Format.NONE : Format.percent(ok * 100.0 / count));
        row.put("rps", anyRps ? Format.fixed(rps, 1) : Format.NONE);
        boolean data = histograms && merged.getTotalCount() > 0;
        row.put("min", data ? Format.fixed(merged.getMinValue() / 1000.0, 2) : Format.NONE);
        row.put("avg", data ? Format.fixed(merged.getMean() / 1000.0, 2) : Format.NONE);
        for (String[] p : new String[][]{{"p50", "50"}, {"p90", "90"}, {"p95", "95"}, {"p99", "99"}}) {
            row.put(p[0], data ? Format.fixed(merged.getValueAtPercentile(Double.parseDouble(p[1])) / 1000.0, 2)
                    : Format.NONE);
        }
        row.put("max", data ? Format.fixed(merged.getMaxValue() / 1000.0, 2) : Format.NONE);
        return row;
    }
}
