package dev.perf.dashboard;

import dev.perf.result.Figures;
import dev.perf.result.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each request's time goes, phase by phase: the run page's table of phase times (p50 / p95 per request, with
 * how often the connection's phases happened) and, per row, a bar of an average request's time split by phase.
 */
final class PhaseTable {
    /** The phases in exchange order, as summary.json names them; their colours follow this order. */
    static final List<String> PHASES = List.of("dns", "connect", "tls", "send", "ttfb", "receive");
    /** Phases of a new connection: not every request's, so their count is shown. */
    private static final List<String> CONNECTION_PHASES = List.of("dns", "connect", "tls");
    private static final int BAR_WIDTH = 160;
    private static final int BAR_HEIGHT = 12;

    private PhaseTable() {
    }

    static void add(RunResult summary, Map<String, Object> view) {
        Figures overall = summary.overall();
        List<String> present = new ArrayList<>();
        if (overall != null && overall.phases() != null) {
            PHASES.stream().filter(overall.phases()::containsKey).forEach(present::add);
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        for (String phase : present) {
            columns.add(Map.of("key", phase, "series", "series-" + (PHASES.indexOf(phase) + 1)));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!present.isEmpty()) {
            for (Figures request : RunView.listed(summary.requests())) {
                rows.add(row(request, present));
            }
        }
        view.put("phaseColumns", columns);
        view.put("phases", rows);
        view.put("phaseTotal", present.isEmpty() ? Map.of() : row(overall, present));
    }

    private static Map<String, Object> row(Figures figures, List<String> present) {
        Map<String, Figures.PhaseTime> phases = figures.phases() == null ? Map.of() : figures.phases();
        List<String> cells = new ArrayList<>();
        for (String phase : present) {
            Figures.PhaseTime time = phases.get(phase);
            cells.add(time == null ? "–" : Format.duration(time.p50()) + " / " + Format.duration(time.p95())
                    + (CONNECTION_PHASES.contains(phase) ? " (" + Format.count(time.count()) + "×)" : ""));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", RunView.text(figures.name()));
        row.put("cells", cells);
        row.put("bar", bar(phases, figures.count()));
        return row;
    }

    /**
     * An SVG bar of an average request's time by phase: each phase's total time (its mean times how often it happened)
     * over the requests. Empty when nothing was timed.
     */
    static String bar(Map<String, Figures.PhaseTime> phases, long requests) {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        double total = 0;
        for (String phase : PHASES) {
            Figures.PhaseTime time = phases.get(phase);
            if (time != null && time.avg() != null && requests > 0) {
                double millis = time.avg() * time.count() / requests;
                perRequest.put(phase, millis);
                total += millis;
            }
        }
        if (total <= 0) {
            return "";
        }
        StringBuilder svg = new StringBuilder("<svg class=\"phase-bar\" viewBox=\"0 0 " + BAR_WIDTH + " " + BAR_HEIGHT
                + "\" width=\"" + BAR_WIDTH + "\" height=\"" + BAR_HEIGHT + "\" role=\"img\" aria-label=\"an average "
                + "request's time by phase\">");
        double x = 0;
        for (Map.Entry<String, Double> e : perRequest.entrySet()) {
            double width = e.getValue() / total * BAR_WIDTH;
            svg.append(String.format(Locale.ROOT, "<g class=\"series-%d\"><rect x=\"%.2f\" y=\"0\" width=\"%.2f\" "
                            + "height=\"%d\"><title>%s: %.3f ms per request (%.0f%%)</title></rect></g>",
                    PHASES.indexOf(e.getKey()) + 1, x, width, BAR_HEIGHT, e.getKey(), e.getValue(),
                    e.getValue() / total * 100));
            x += width;
        }
        return svg.append("</svg>").toString();
    }
}
