package dev.perf.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A line chart as SVG, rendered at build time: no script, no inline style (colours come from CSS classes, so the
 * page works under a Content-Security-Policy without 'unsafe-inline'), a {@code <title>} and {@code <desc>} as its
 * text alternative and a {@code <title>} per point for tooltips. Points may link to a page (a trend's runs) and may
 * be flagged (a regression). Bands (a baseline's range) and vertical markers (a breakpoint, a change point) sit
 * behind the lines. Long series are downsampled for display, keeping each bucket's highest point so spikes stay
 * visible; at most {@link #MAX_TOOLTIPS} points per line get a tooltip, so an hour-long run's page stays small.
 */
final class SvgChart {
    static final int MAX_POINTS = 300;
    static final int MAX_TOOLTIPS = 100;
    private static final int SPARK_POINTS = 120;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 230;
    private static final int LEFT = 60;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int BOTTOM = 28;
    private static final String[] PERCENTILE_TICKS = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};

    /** One point; {@code y} NaN is a gap. {@code link} (or null) is where a click goes; a flagged point stands out. */
    record Point(double x, double y, String link, boolean flagged) {
        static Point of(double x, double y) {
            return new Point(x, y, null, false);
        }
    }

    /**
     * One line, named for the legend.
     *
     * @param sampledEvery the seconds between its samples when it was sampled less often than the chart's other
     *                     lines (then each sample is a dot and the line between them is dashed), or {@code null}
     */
    record Series(String name, List<Point> points, Double sampledEvery) {
        Series(String name, List<Point> points) {
            this(name, points, null);
        }

        static Series of(String name, List<double[]> xy) {
            List<Point> points = new ArrayList<>(xy.size());
            xy.forEach(p -> points.add(Point.of(p[0], p[1])));
            return new Series(name, points);
        }

        Series sampled(double everySeconds) {
            return new Series(name, points, everySeconds);
        }
    }

    /**
     * What a line looks like: dashed when at least half its points lie on a line drawn before it (so both show);
     * {@code sameAs} names that line when every point does.
     */
    private record Look(boolean dashed, String sameAs) {
    }

    /** A shaded range: {x, low, high} triples. */
    record Band(String name, List<double[]> points) {
    }

    /** A vertical line at {@code x}, labelled. */
    record Marker(double x, String label) {
    }

    private final String title;
    private String xUnit = "";
    private String yUnit = "";
    private DoubleFunction<String> xLabel;
    private boolean percentileX;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();

    private SvgChart(String title) {
        this.title = title;
    }

    /** @param title what the chart shows, for its text alternative */
    static SvgChart titled(String title) {
        return new SvgChart(title);
    }

    SvgChart x(String unit) {
        this.xUnit = unit;
        return this;
    }

    /** Labels x values with text (a run's date, say) instead of numbers. */
    SvgChart xLabels(DoubleFunction<String> label) {
        this.xLabel = label;
        return this;
    }

    /** x holds percentiles (0..100), spread as HdrHistogram plots them: each further nine gets the same width. */
    SvgChart percentileX() {
        this.percentileX = true;
        return this;
    }

    SvgChart y(String unit) {
        this.yUnit = unit;
        return this;
    }

    SvgChart line(Series line) {
        series.add(line);
        return this;
    }

    SvgChart line(String name, List<double[]> xy) {
        return line(Series.of(name, xy));
    }

    SvgChart band(Band band) {
        if (!band.points().isEmpty()) {
            bands.add(band);
        }
        return this;
    }

    SvgChart marker(Marker marker) {
        markers.add(marker);
        return this;
    }

    /** Kept for the simple case: one call, lines only. */
    static String line(String title, String xUnit, String yUnit, List<Series> series) {
        SvgChart chart = titled(title).x(xUnit).y(yUnit);
        series.forEach(chart::line);
        return chart.svg();
    }

    /** The chart drawn: its SVG, and its key as HTML. */
    record Rendered(String svg, String legend) {
    }

    /** @return the SVG and its key, with every text escaped, or {@code null} when no line has a point */
    Rendered render() {
        Frame f = frame();
        if (f == null) {
            return null;
        }
        List<Look> looks = looks(f);
        return new Rendered(svg(f, looks), legendHtml(looks));
    }

    /** @return the SVG markup, or {@code null} when no line has a point */
    String svg() {
        Rendered rendered = render();
        return rendered == null ? null : rendered.svg();
    }

    /** @return the key as HTML, or {@code null} when no line has a point */
    String legendHtml() {
        Rendered rendered = render();
        return rendered == null ? null : rendered.legend();
    }

    private String svg(Frame f, List<Look> looks) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(title)).append("\">");
        svg.append("<title>").append(Html.escape(title)).append("</title>");
        svg.append("<desc>").append(Html.escape(description(looks))).append("</desc>");
        axes(svg, f);
        for (int b = 0; b < bands.size(); b++) {
            band(svg, f, bands.get(b));
        }
        for (int m = 0; m < markers.size(); m++) {
            marker(svg, f, markers.get(m), m);
        }
        for (int s = 0; s < series.size(); s++) {
            series(svg, f, series.get(s), s, looks.get(s));
        }
        return svg.append("</svg>").toString();
    }

    /**
     * The chart's key as HTML, beside the SVG rather than in it, so that it stays readable where the chart is drawn
     * small (a phone): a swatch and a name per line, band and marker.
     */
    private String legendHtml(List<Look> looks) {
        StringBuilder html = new StringBuilder("<ul class=\"legend\">");
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            Look look = looks.get(s);
            boolean dashed = look.dashed() || line.sampledEvery() != null;
            html.append("<li class=\"series-").append(s % 6 + 1).append(dashed ? " dashed" : "")
                    .append("\"><svg class=\"key\" viewBox=\"0 0 20 10\" aria-hidden=\"true\">")
                    .append(dashed ? "<path d=\"M0,5 L20,5\"/>" : "<rect width=\"20\" height=\"10\"/>")
                    .append("</svg>").append(Html.escape(legendName(line, look))).append("</li>");
        }
        for (Band b : bands) {
            html.append("<li class=\"band-key\"><svg class=\"key\" viewBox=\"0 0 20 10\" aria-hidden=\"true\">"
                    + "<rect width=\"20\" height=\"10\"/></svg>").append(Html.escape(b.name())).append("</li>");
        }
        for (Marker m : markers) {
            html.append("<li class=\"marker-key\"><svg class=\"key\" viewBox=\"0 0 20 10\" aria-hidden=\"true\">"
                    + "<path d=\"M10,0 L10,10\"/></svg>").append(Html.escape(m.label())).append("</li>");
        }
        return html.append("</ul>").toString();
    }

    private static String legendName(Series line, Look look) {
        String name = line.name();
        if (line.sampledEvery() != null) {
            name += " (sampled every " + number(line.sampledEvery()) + " s)";
        }
        if (look.sameAs() != null) {
            name += " (same as " + look.sameAs() + ")";
        }
        return name;
    }

    /** Each line's look: a line whose points mostly lie on an earlier line's is dashed, so that neither hides. */
    private List<Look> looks(Frame f) {
        double near = f.maxY * 0.01;
        List<Map<Double, Double>> byX = new ArrayList<>();
        for (Series line : series) {
            Map<Double, Double> at = new HashMap<>();
            line.points().forEach(p -> at.put(p.x(), p.y()));
            byX.add(at);
        }
        List<Look> looks = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            int points = 0;
            int covered = 0;
            String sameAs = null;
            for (int earlier = 0; earlier < s; earlier++) {
                int on = 0;
                int n = 0;
                Map<Double, Double> at = byX.get(earlier);
                for (Point p : series.get(s).points()) {
                    if (!Double.isNaN(p.y())) {
                        n++;
                        Double y = at.get(p.x());
                        if (y != null && Math.abs(y - p.y()) <= near) {
                            on++;
                        }
                    }
                }
                points = n;
                covered = Math.max(covered, on);
                if (n > 0 && on == n && sameAs == null) {
                    sameAs = series.get(earlier).name();
                }
            }
            looks.add(new Look(points > 0 && covered * 2 >= points, sameAs));
        }
        return looks;
    }

    /** The scales, or {@code null} when no line has a point. */
    private Frame frame() {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = 0;
        int count = 0;
        for (Series s : series) {
            for (Point p : s.points()) {
                if (!Double.isNaN(p.y())) {
                    minX = Math.min(minX, tx(p.x()));
                    maxX = Math.max(maxX, tx(p.x()));
                    maxY = Math.max(maxY, p.y());
                    count++;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        // bands do not stretch the scale (a noisy baseline's limit could flatten every line): they are clipped
        if (percentileX) {
            minX = 0;
            maxX = Math.max(1, Math.ceil(maxX));
        }
        if (maxX == minX) {
            minX -= 0.5;
            maxX += 0.5;
        }
        double step = niceStep(maxY / 5);
        return new Frame(minX, maxX, Math.max(1, Math.ceil(maxY / step - 1e-9)) * step, step);
    }

    /**
     * A vertical line with its label beside it; the label goes to the line's left when it would run past the plot's
     * right edge (a breakpoint at the heaviest level).
     */
    private void marker(StringBuilder svg, Frame f, Marker marker, int index) {
        double x = f.x(tx(marker.x()));
        boolean left = x + 3 + textWidth(marker.label(), 11) > WIDTH - RIGHT;
        svg.append(String.format(Locale.ROOT, "<g class=\"marker\"><title>%s</title><line x1=\"%.1f\" y1=\"%d\" "
                        + "x2=\"%.1f\" y2=\"%d\"/><text class=\"%s\" x=\"%.1f\" y=\"%d\">%s</text></g>",
                Html.escape(marker.label()), x, TOP, x, HEIGHT - BOTTOM, left ? "end" : "start", left ? x - 3 : x + 3,
                TOP + 10 + 12 * (index % 3), Html.escape(marker.label())));
    }

    /** About how wide a text is at a font size, in the chart's units (system sans fonts average ~0.55 em). */
    private static double textWidth(String text, double fontSize) {
        return text.length() * fontSize * 0.56;
    }

    private void axes(StringBuilder svg, Frame f) {
        for (double value = 0; value <= f.maxY + f.yStep / 2; value += f.yStep) {
            double y = f.y(value);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>",
                    LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\">%s</text>", LEFT - 6, y + 4,
                    Html.escape(number(value))));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis unit\" x=\"%d\" y=\"%d\">%s</text>", LEFT - 6, 2,
                Html.escape(yUnit)));
        List<double[]> ticks = xTicks(f);
        for (int i = 0; i < ticks.size(); i++) {
            double x = f.x(ticks.get(i)[0]);
            String anchor = i == 0 && x - LEFT < 30 ? " start" : i == ticks.size() - 1 && WIDTH - RIGHT - x < 30 ? " end-x" : " mid";
            svg.append(String.format(Locale.ROOT, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                    x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 4));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis%s\" x=\"%.1f\" y=\"%d\">%s</text>", anchor, x,
                    HEIGHT - 8, Html.escape(xText(ticks.get(i)[0], i == ticks.size() - 1))));
        }
    }

    /** Tick positions (in transformed x) on the x axis. */
    private List<double[]> xTicks(Frame f) {
        List<double[]> ticks = new ArrayList<>();
        if (percentileX) {
            for (int d = 0; d <= f.maxX && d < PERCENTILE_TICKS.length; d++) {
                ticks.add(new double[]{d});
            }
            return ticks;
        }
        if (xLabel != null) {
            // categories (runs, days): up to six evenly spread
            int first = (int) Math.ceil(f.minX);
            int last = (int) Math.floor(f.maxX);
            int step = Math.max(1, (int) Math.ceil((last - first) / 5.0));
            for (int i = first; i <= last; i += step) {
                ticks.add(new double[]{i});
            }
            return ticks;
        }
        double step = niceStep((f.maxX - f.minX) / 6);
        for (double v = Math.ceil(f.minX / step) * step; v <= f.maxX + step * 1e-9; v += step) {
            ticks.add(new double[]{v});
        }
        return ticks;
    }

    private String xText(double x, boolean last) {
        if (percentileX) {
            return PERCENTILE_TICKS[(int) Math.round(x)];
        }
        if (xLabel != null) {
            return xLabel.apply(x);
        }
        return number(x) + (last && !xUnit.isEmpty() ? " " + xUnit : "");
    }

    /** A point's x for its tooltip. */
    private String pointX(double x) {
        if (percentileX) {
            return (x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4f", x)
                    .replaceAll("0+$", "")) + "%";
        }
        return xLabel != null ? xLabel.apply(x) : number(x) + (xUnit.isEmpty() ? "" : " " + xUnit);
    }

    private void band(StringBuilder svg, Frame f, Band band) {
        if (band.points().size() == 1) {
            // one run with a baseline: a short bar at its x
            double[] p = band.points().get(0);
            double x = Math.max(LEFT + 8, Math.min(WIDTH - RIGHT - 8, f.x(tx(p[0]))));
            double top = f.y(Math.min(p[2], f.maxY));
            double bottom = f.y(Math.min(p[1], f.maxY));
            svg.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"%.1f\" y=\"%.1f\" width=\"16\" "
                    + "height=\"%.1f\"><title>%s</title></rect>", x - 8, top, Math.max(1, bottom - top),
                    Html.escape(band.name())));
            return;
        }
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        for (double[] p : band.points()) {
            upper.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x(tx(p[0])), f.y(Math.min(p[2], f.maxY))));
        }
        for (int i = band.points().size() - 1; i >= 0; i--) {
            double[] p = band.points().get(i);
            lower.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.x(tx(p[0])), f.y(Math.min(p[1], f.maxY))));
        }
        svg.append("<polygon class=\"band\" points=\"").append(upper).append(lower.toString().trim())
                .append("\"><title>").append(Html.escape(band.name())).append("</title></polygon>");
    }

    private void series(StringBuilder svg, Frame f, Series line, int index, Look look) {
        List<Point> shown = downsample(line.points());
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean sampled = line.sampledEvery() != null;
        // a sampled line shows every sample it has (it has few): the dots are the data, the dashes only join them
        int every = sampled ? 1 : Math.max(1, (int) Math.ceil(shown.size() / (double) MAX_TOOLTIPS));
        boolean open = false;
        for (int i = 0; i < shown.size(); i++) {
            Point p = shown.get(i);
            if (Double.isNaN(p.y())) {
                open = false; // a gap ends the segment
                continue;
            }
            double x = f.x(tx(p.x()));
            double y = f.y(p.y());
            path.append(open ? " L" : path.length() == 0 ? "M" : " M").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            open = true;
            if (i % every == 0 || p.flagged() || p.link() != null) {
                String tip = Html.escape(line.name() + " at " + pointX(p.x()) + ": " + number(p.y()) + " " + yUnit
                        + (p.flagged() ? " (regressed)" : ""));
                String dot = String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\"><title>%s"
                        + "</title></circle>", p.flagged() ? "point flag" : "point", x, y, p.flagged() ? "4.5" : "2.2", tip);
                dots.append(p.link() == null ? dot : "<a href=\"" + Html.escape(p.link()) + "\">" + dot + "</a>");
            }
        }
        String d = path.toString();
        svg.append("<g class=\"series series-").append(index % 6 + 1).append(look.dashed() || sampled ? " dashed" : "")
                .append("\"><title>")
                .append(Html.escape(line.name())).append("</title>");
        if (!d.isEmpty()) {
            svg.append("<path d=\"").append(d).append("\"/>");
        }
        svg.append(dots).append("</g>");
    }

    private String description(List<Look> looks) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int n = 0;
            for (Point p : s.points()) {
                if (!Double.isNaN(p.y())) {
                    min = Math.min(min, p.y());
                    max = Math.max(max, p.y());
                    n++;
                }
            }
            if (n > 0) {
                text.append(legendName(s, looks.get(i))).append(": ").append(n).append(" points from ").append(number(min)).append(" to ")
                        .append(number(max)).append(' ').append(yUnit).append(". ");
            }
        }
        for (Marker m : markers) {
            text.append(m.label()).append(". ");
        }
        return text.toString().trim();
    }

    /** x as drawn: a percentile p becomes log10(1 / (1 - p/100)), so 90% is 1, 99% is 2, 99.9% is 3. */
    private double tx(double x) {
        if (!percentileX) {
            return x;
        }
        double rest = Math.max(1e-7, 1 - x / 100);
        return Math.log10(1 / rest);
    }

    /** At most {@link #MAX_POINTS}: each bucket keeps its highest point. */
    static List<Point> downsample(List<Point> points) {
        if (points.size() <= MAX_POINTS) {
            return points;
        }
        List<Point> kept = new ArrayList<>();
        double bucket = points.size() / (double) MAX_POINTS;
        for (int b = 0; b < MAX_POINTS; b++) {
            Point best = null;
            for (int i = (int) (b * bucket); i < (int) ((b + 1) * bucket) && i < points.size(); i++) {
                Point p = points.get(i);
                if (best == null || (!Double.isNaN(p.y()) && (Double.isNaN(best.y()) || p.y() > best.y()))) {
                    best = p;
                }
            }
            if (best != null) {
                kept.add(best);
            }
        }
        return kept;
    }

    /**
     * A sparkline: one small line, no axes, for a table cell; its title says what it shows and its range.
     *
     * @return {@code null} with fewer than two values
     */
    static String spark(String title, List<Double> values, String unit) {
        return spark(title, values, unit, "run");
    }

    /**
     * @param what what one value is ("run", "interval"), for the text
     */
    static String spark(String title, List<Double> values, String unit, String what) {
        if (values.size() > SPARK_POINTS) {
            // a long run's intervals: each of the sparkline's points keeps its bucket's highest value
            List<Double> kept = new ArrayList<>();
            double bucket = values.size() / (double) SPARK_POINTS;
            for (int b = 0; b < SPARK_POINTS; b++) {
                Double best = null;
                for (int i = (int) (b * bucket); i < (int) ((b + 1) * bucket); i++) {
                    Double v = values.get(i);
                    if (v != null && !v.isNaN() && (best == null || v > best)) {
                        best = v;
                    }
                }
                kept.add(best);
            }
            values = kept;
        }
        List<double[]> points = new ArrayList<>();
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null && !v.isNaN()) {
                points.add(new double[]{i, v});
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
        }
        if (points.size() < 2) {
            return null;
        }
        double top = niceCeiling(max);
        double last = values.size() - 1;
        StringBuilder line = new StringBuilder();
        for (double[] p : points) {
            line.append(line.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f",
                    2 + p[0] / last * 116, 26 - p[1] / top * 22));
        }
        String text = title + ": " + points.size() + " " + what + "s, from " + number(min) + " to " + number(max) + " " + unit
                + ", latest " + number(points.get(points.size() - 1)[1]) + " " + unit;
        return "<svg class=\"spark\" viewBox=\"0 0 120 28\" role=\"img\" aria-label=\"" + Html.escape(text) + "\"><title>"
                + Html.escape(text) + "</title><polyline points=\"" + line + "\"/></svg>";
    }

    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value * (1 - 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A step of 1, 2 or 5 times a power of ten, at least {@code value}. */
    static double niceStep(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * magnitude >= value * (1 - 1e-12)) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Up to two decimals (three significant digits below 1), without trailing zeros. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double abs = Math.abs(value);
        String text = abs >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : abs >= 1 ? String.format(Locale.ROOT, "%.2f", value)
                : new java.math.BigDecimal(value).round(new java.math.MathContext(3)).toPlainString();
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** The plot area's scales. */
    private record Frame(double minX, double maxX, double maxY, double yStep) {
        double x(double value) {
            return LEFT + (value - minX) / (maxX - minX) * (WIDTH - LEFT - RIGHT);
        }

        double y(double value) {
            return TOP + (1 - value / maxY) * (HEIGHT - TOP - BOTTOM);
        }
    }
}
