package dev.perf.dashboard;

import dev.perf.metrics.Histograms;
import dev.perf.metrics.RequestRecorder;
import dev.perf.result.Figures;
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
    private RequestTable() {
    }

    /** @return rows to show, then (when there are more) the "other" row under key "other", and how many it holds */
    static Map<String, Object> of(List<Figures> all) {
        List<Figures> byCount = byCount(all);
        List<Figures> shown = shown(all, byCount);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Figures r : shown) {
            Map<String, Object> row = row(r);
            row.put("link", RequestView.link(r));
            rows.add(row);
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("rows", rows);
        List<Figures> rest = byCount.subList(shown.size(), byCount.size());
        table.put("otherCount", rest.size());
        if (!rest.isEmpty()) {
            table.put("other", other(rest));
        }
        return table;
    }

    /** The requests shown by name (each with its own page), in the scenario's own order. */
    static List<Figures> shown(List<Figures> all) {
        return shown(all, byCount(all));
    }

    private static List<Figures> byCount(List<Figures> all) {
        List<Figures> byCount = new ArrayList<>(all);
        byCount.sort(Comparator.comparingLong(Figures::count).reversed());
        return byCount;
    }

    private static List<Figures> shown(List<Figures> all, List<Figures> byCount) {
        Set<Figures> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        shown.addAll(byCount.subList(0, Math.min(MAX_SHOWN, byCount.size())));
        return all.stream().filter(shown::contains).toList();
    }

    /** A row of figures; every figure "n/a" when there are none. */
    static Map<String, Object> row(Figures stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        Figures.Latency latency = stats == null || stats.latencyMs() == null
                ? new Figures.Latency(null, null, null, null, null, null, null, null, null, null) : stats.latencyMs();
        row.put("name", stats == null ? "" : RunView.text(stats.name()));
        row.put("link", "");
        row.put("count", stats == null ? Format.NONE : Format.count(stats.count()));
        row.put("success", stats == null ? Format.NONE : Format.percent(stats.successRate()));
        row.put("rps", stats == null ? Format.NONE : Format.fixed(stats.rps(), 1));
        row.put("min", Format.fixed(latency.min(), 2));
        row.put("avg", Format.fixed(latency.avg(), 2));
        row.put("p50", Format.fixed(latency.p50(), 2));
        row.put("p90", Format.fixed(latency.p90(), 2));
        row.put("p95", Format.fixed(latency.p95(), 2));
        row.put("p99", Format.fixed(latency.p99(), 2));
        row.put("max", Format.fixed(latency.max(), 2));
        return row;
    }

    /** The requests not shown, merged: counts add up; latency from their merged histograms. */
    private static Map<String, Object> other(List<Figures> rest) {
        long count = 0;
        long ok = 0;
        double rps = 0;
        boolean anyRps = false;
        Histogram merged = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        boolean histograms = true;
        for (Figures r : rest) {
            count += r.count();
            ok += r.ok();
            if (r.rps() != null) {
                rps += r.rps();
                anyRps = true;
            }
            String encoded = r.latencyHistogram();
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
        row.put("link", "");
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
