package dev.perf.dashboard;

import dev.perf.result.Figures;
import dev.perf.result.RunResult;
import dev.perf.scenario.Phase;

import java.util.ArrayList;
import java.util.Arrays;
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
    private static final Phase[] PHASES = Phase.values();
    private static final int BAR_WIDTH = 160;
    private static final int BAR_HEIGHT = 12;

    private PhaseTable() {
    }

    static void add(RunResult summary, Map<String, Object> view) {
        Figures overall = summary.overall();
        List<Phase> present = new ArrayList<>();
        if (overall != null && overall.phases() != null) {
            Arrays.stream(PHASES).filter(p -> overall.phases().containsKey(p.key())).forEach(present::add);
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Phase phase : present) {
            columns.add(Map.of("key", phase.key(), "series", series(phase)));
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

    /** The CSS class of a phase's colour. */
    private static String series(Phase phase) {
        return "series-" + (phase.ordinal() + 1);
    }

    private static Map<String, Object> row(Figures figures, List<Phase> present) {
        Map<String, Figures.PhaseTime> phases = figures.phases() == null ? Map.of() : figures.phases();
        List<String> cells = new ArrayList<>();
        for (Phase phase : present) {
            Figures.PhaseTime time = phases.get(phase.key());
            cells.add(time == null ? "–" : Format.duration(time.p50()) + " / " + Format.duration(time.p95())
                    + (phase.ofNewConnection() ? " (" + Format.count(time.count()) + "×)" : ""));
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
        Map<Phase, Double> perRequest = new LinkedHashMap<>();
        double total = 0;
        for (Phase phase : PHASES) {
            Figures.PhaseTime time = phases.get(phase.key());
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
        for (Map.Entry<Phase, Double> e : perRequest.entrySet()) {
            double width = e.getValue() / total * BAR_WIDTH;
            svg.append(String.format(Locale.ROOT, "<g class=\"%s\"><rect x=\"%.2f\" y=\"0\" width=\"%.2f\" "
                            + "height=\"%d\"><title>%s: %.3f ms per request (%.0f%%)</title></rect></g>",
                    series(e.getKey()), x, width, BAR_HEIGHT, e.getKey().key(), e.getValue(),
                    e.getValue() / total * 100));
            x += width;
        }
        return svg.append("</svg>").toString();
    }
}
