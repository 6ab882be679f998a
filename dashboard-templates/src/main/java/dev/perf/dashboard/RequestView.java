package dev.perf.dashboard;

import dev.perf.result.Figures;
import dev.perf.result.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view model of one request's page in a run (as Gatling's details per request): its figures, its latency over
 * time and distribution, its responses and failures per second, its responses by status, its errors by kind and its
 * failed checks.
 */
final class RequestView {

    private RequestView() {
    }

    /** Where a request's page is, from its run's folder. */
    static String link(Figures request) {
        return "requests/" + Dashboard.slug(RunView.text(request.name())) + ".html";
    }

    static Map<String, Object> of(RunResult summary, Figures request) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scenario", RunView.text(summary.scenario()));
        view.put("runId", RunView.text(summary.runId()));
        view.put("name", RunView.text(request.name()));
        view.put("tracked", summary.tracked());
        view.put("startTime", Format.instant(summary.startTime()));
        view.put("row", RequestTable.row(request));
        Figures.Latency latency = request.latencyMs();
        List<Map<String, Object>> percentiles = new ArrayList<>();
        if (latency != null) {
            for (Object[] p : new Object[][]{{"median", latency.p50()}, {"p75", latency.p75()}, {"p90", latency.p90()},
                    {"p95", latency.p95()}, {"p99", latency.p99()}, {"p99.9", latency.p99_9()}, {"max", latency.max()}}) {
                percentiles.add(Map.of("name", p[0], "value", Format.duration((Double) p[1])));
            }
        }
        view.put("percentiles", percentiles);
        Map<String, Long> statuses = request.statusCodes() == null ? Map.of() : request.statusCodes();
        List<Map<String, Object>> statusRows = new ArrayList<>();
        statuses.forEach((status, n) -> statusRows.add(Map.of("status", status, "count", Format.count(n),
                "share", request.count() == 0 ? Format.NONE : Format.percent(n * 100.0 / request.count()))));
        view.put("statuses", statusRows);
        // a request's series counts its failures, not their kinds: its failures over time are in its rate chart
        view.put("errors", RunView.errors(request.errors(), List.of()));
        List<Map<String, Object>> checks = new ArrayList<>();
        if (request.checks() != null) {
            request.checks().forEach((check, n) -> checks.add(Map.of("check", check, "count", Format.count(n))));
        }
        view.put("checks", checks);
        List<Map<String, Object>> charts = new ArrayList<>();
        RunCharts.request(summary, request, charts);
        view.put("charts", charts);
        return view;
    }
}
