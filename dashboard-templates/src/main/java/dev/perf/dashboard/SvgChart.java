package dev.perf.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG, rendered at build time: no script, no inline style (colours come from CSS classes, so
 * the page works under a Content-Security-Policy without 'unsafe-inline'), a {@code <title>} for its text
 * alternative and one per point for tooltips. Long series are downsampled for display (keeping each bucket's
 * maximum, so spikes stay visible).
 */
final class SvgChart {
    static final int MAX_POINTS = 300;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 220;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 24;
    private static final int BOTTOM = 28;

    /** One line: a name for the legend and {x, y} points ({@code y} NaN: a gap). */
    record Series(String name, List<double[]> points) {
    }

    private SvgChart() {
    }

    /**
     * @param title  what the chart shows, for its {@code <title>} and {@code aria-label}
     * @param xUnit  e.g. "s"
     * @param yUnit  e.g. "ms"
     * @return the SVG markup, with every text escaped; {@code null} when no series has a point
     */
    static String line(String title, String xUnit, String yUnit, List<Series> series) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = 0;
        int points = 0;
        for (Series s : series) {
            for (double[] p : s.points()) {
                if (Double.isNaN(p[1])) {
                    continue;
                }
                minX = Math.min(minX, p[0]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
                points++;
            }
        }
        if (points == 0) {
            return null;
        }
        if (maxX == minX) {
            maxX = minX + 1;
        }
        maxY = niceCeiling(maxY);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        for (int i = 0; i <= 4; i++) {
            double value = maxY * i / 4;
            double y = y(value, maxY);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\">%s</text>", LEFT - 6, y + 4,
                    Html.escape(number(value))));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis unit\" x=\"%d\" y=\"%d\">%s</text>", LEFT - 6, 12,
                Html.escape(yUnit)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis start\" x=\"%d\" y=\"%d\">%s %s</text>", LEFT,
                HEIGHT - 8, Html.escape(number(minX)), Html.escape(xUnit)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis end\" x=\"%d\" y=\"%d\">%s %s</text>", WIDTH - RIGHT,
                HEIGHT - 8, Html.escape(number(maxX)), Html.escape(xUnit)));
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            List<double[]> shown = downsample(line.points());
            StringBuilder path = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (double[] p : shown) {
                if (Double.isNaN(p[1])) {
                    continue;
                }
                double x = x(p[0], minX, maxX);
                double y = y(p[1], maxY);
                path.append(path.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
                dots.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"2\">"
                                + "<title>%s at %s %s: %s %s</title></circle>", x, y, Html.escape(line.name()),
                        Html.escape(number(p[0])), Html.escape(xUnit), Html.escape(number(p[1])), Html.escape(yUnit)));
            }
            svg.append("<g class=\"series series-").append(s % 6 + 1).append("\"><title>")
                    .append(Html.escape(line.name())).append("</title>");
            // legend, top right, one entry per series
            svg.append(String.format(Locale.ROOT, "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>",
                    WIDTH - RIGHT - 90 * (series.size() - s) + 90, 14, Html.escape(line.name())));
            svg.append("<polyline points=\"").append(path).append("\"/>").append(dots).append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** At most {@link #MAX_POINTS}: each bucket keeps its highest point. */
    static List<double[]> downsample(List<double[]> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<double[]> kept = new ArrayList<>();
        double bucket = points.size() / (double) MAX_POINTS;
        for (int b = 0; b < MAX_POINTS; b++) {
            double[] best = null;
            for (int i = (int) (b * bucket); i < (int) ((b + 1) * bucket) && i < points.size(); i++) {
                double[] p = points.get(i);
                if (best == null || (!Double.isNaN(p[1]) && (Double.isNaN(best[1]) || p[1] > best[1]))) {
                    best = p;
                }
            }
            if (best != null) {
                kept.add(best);
            }
        }
        return kept;
    }

    private static double x(double value, double min, double max) {
        return LEFT + (value - min) / (max - min) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, double max) {
        return TOP + (1 - value / max) * (HEIGHT - TOP - BOTTOM);
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }
}
