package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import dev.perf.metrics.ThresholdWindows;
import dev.perf.scenario.Durations;
import dev.perf.monitor.ResourceSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.perf.scenario.Threshold;
import dev.perf.scenario.Metric;
import dev.perf.scenario.MonitorMetric;
import dev.perf.metrics.Measures;

/**
 * Judges thresholds against a run's figures. A threshold over no samples fails: it never passes vacuously. Latency
 * thresholds judge the successful responses (unless {@code responses: all}), so no successful response fails them.
 * A threshold is inconclusive (not judged: it neither passes nor fails the build) when its figure cannot speak for the
 * target: a relative limit with fewer than {@value RegressionCheck#MIN_RUNS} comparable baseline runs, fewer responses
 * than its {@code minSamples}, or a figure of a run whose generator was saturated when the saturation could have
 * decided the verdict (below).
 *
 * <p>A saturated generator pushes figures one way ({@link Metric#generatorPush}): latency up, Apdex and closed-model
 * throughput down. So a verdict the push works against stands (a latency limit held although the generator added
 * delay), and one it works for is inconclusive (a latency limit broke: the generator's delay may be why), unless the
 * figure measured from each request's actual send, which leaves the pacer's lateness out, breaks the limit too.
 */
public final class ThresholdEvaluator {

    private ThresholdEvaluator() {
    }

    public static List<ThresholdResult> evaluate(List<Threshold> thresholds, RunFigures figures) {
        List<ThresholdResult> results = new ArrayList<>(thresholds.size());
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold threshold = thresholds.get(i);
            if (threshold.partial()) {
                results.add(partResult(threshold, figures.parts().get(i)));
                continue;
            }
            if (threshold.metric().isAnalysis()) {
                results.add(analysisResult(threshold, figures.analysis()));
                continue;
            }
            MonitorMetric monitor = threshold.metric().monitor();
            if (monitor != null) {
                results.add(resourceResult(threshold, monitor, figures.resources()));
                continue;
            }
            ThresholdResult tooFew = tooFewSamples(threshold, figures.overall(), figures.targets(threshold.flow()));
            if (tooFew != null) {
                results.add(tooFew);
                continue;
            }
            ThresholdResult result = threshold.isRelative() ? relativeResult(threshold, figures)
                    : absoluteResult(threshold, figures);
            if (figures.saturation() != null && result.judged()) {
                result = underSaturation(threshold, result, figures);
            }
            if (result.breached() && VerdictGates.inconclusiveOnBreach(threshold)) {
                result = new ThresholdResult(threshold, result.actual(), false, "inconclusive: "
                        + threshold.metric().format(result.actual()) + " check(s) found nothing in the first "
                        + dev.perf.scenario.Check.MAX_BODY_BYTES / 1024 / 1024 + " MiB of a longer body, all a regex "
                        + "or JSON check reads: what they look for may be further on", false);
            }
            results.add(result);
        }
        return results;
    }

    /** A judged result of a run whose generator was saturated: it stands, or it is inconclusive (see the class). */
    private static ThresholdResult underSaturation(Threshold threshold, ThresholdResult result, RunFigures figures) {
        Metric metric = threshold.metric();
        int push = metric.generatorPush(figures.throughputIsResult());
        if (push == 0) {
            return result;
        }
        boolean pushedTowardsBreach = (push > 0) == threshold.higherIsWorse();
        if (pushedTowardsBreach ? result.passed() : result.breached()) {
            return result; // the generator worked against this verdict: it holds all the more
        }
        if (result.actual() == null) {
            return result; // no data (no successful response): no generator makes up for that
        }
        String measured = "measured " + (result.actual() == null ? "no data" : metric.format(result.actual()));
        if (result.breached() && metric.isLatency() && metric.phase() == null && !threshold.isRelative()) {
            RequestStats stats = statsOf(threshold, figures.overall(), figures.targets(threshold.flow()));
            Double fromSend = stats == null ? null : Measures.ofAll(metric, stats.fromActualSend());
            if (fromSend != null && !threshold.holds(fromSend)) {
                return new ThresholdResult(threshold, result.actual(), false, measured + "; from the actual send "
                        + metric.format(fromSend) + ", which leaves the generator's lateness out, breaks it too ("
                        + figures.saturation() + ")");
            }
        }
        return new ThresholdResult(threshold, result.actual(), false, "inconclusive: " + measured + ", but "
                + figures.saturation(), false);
    }

    private static ThresholdResult absoluteResult(Threshold threshold, RunFigures figures) {
        Map<String, RequestStats> targets = figures.targets(threshold.flow());
        Double actual = measure(threshold, figures.overall(), targets);
        if (actual == null && threshold.metric().phase() != null) {
            RequestStats stats = statsOf(threshold, figures.overall(), targets);
            if (stats != null && stats.count() > 0) {
                // requests completed without the phase (no TLS over HTTP): nothing to judge, which is no pass
                return new ThresholdResult(threshold, null, false, noData(threshold, figures.overall(), targets),
                        false);
            }
        }
        return new ThresholdResult(threshold, actual, threshold.holds(actual),
                actual == null ? noData(threshold, figures.overall(), targets) : null);
    }

    /** Why a request figure could not be computed, or {@code null} to say just "no data". */
    private static String noData(Threshold threshold, RequestStats overall, Map<String, RequestStats> byRequest) {
        RequestStats stats = statsOf(threshold, overall, byRequest);
        if (stats == null || stats.count() == 0) {
            return threshold.flow() ? "no data: no iteration of flow " + threshold.request() + " completed"
                    : "no data: no request completed" + (threshold.request() == null ? "" : " for "
                    + threshold.request());
        }
        if (threshold.metric().phase() != null) {
            return "no data: no exchange" + (threshold.request() == null ? "" : " of " + threshold.request())
                    + " went through " + threshold.metric().phase().key() + " ("
                    + threshold.metric().phase().description() + ")";
        }
        if (threshold.metric().isLatency() && !threshold.allResponses() && stats.ok() == 0) {
            return "no data: no successful response (" + stats.failed() + " failed)";
        }
        return null;
    }

    /**
     * Request thresholds only (analysis, resource and flow ones are skipped: a flow's iterations are not counted per
     * level), as for one level of a stepped run.
     */
    public static boolean requestThresholdsHold(List<Threshold> thresholds, RequestStats overall,
                                                Map<String, RequestStats> byRequest) {
        return thresholds.stream().filter(t -> !t.metric().isAnalysis() && t.metric().monitor() == null
                        && !t.isRelative() && !t.flow())
                .allMatch(t -> t.holds(measure(t, overall, byRequest)));
    }

    /** A threshold judged after a warm-up or on its worst window, from what the sampler kept for it. */
    private static ThresholdResult partResult(Threshold threshold, ThresholdWindows.Part part) {
        if (part == null) {
            String why = threshold.over() != null ? "no whole " + Durations.format(threshold.over()) + " window"
                    + (threshold.after() != null ? " after " + Durations.format(threshold.after()) : "")
                    : "no responses after " + Durations.format(threshold.after());
            return new ThresholdResult(threshold, null, false, why + ": not judged", false);
        }
        RequestStats stats = part.stats();
        if (threshold.minSamples() > 0 && stats.count() < threshold.minSamples()) {
            return new ThresholdResult(threshold, Measures.of(threshold, stats), false, "only " + stats.count()
                    + " responses, fewer than minSamples " + threshold.minSamples() + ": not judged", false);
        }
        Double actual = Measures.of(threshold, stats);
        String note = threshold.over() != null ? String.format(java.util.Locale.ROOT,
                "measured %s in the worst %s window, ending at %.0fs", actual == null ? "no data"
                        : threshold.metric().format(actual), Durations.format(threshold.over()), part.endSeconds()) : null;
        return new ThresholdResult(threshold, actual, threshold.holds(actual), note);
    }

    /** Not judged when the threshold asks for more responses than there were ({@code minSamples}). */
    private static ThresholdResult tooFewSamples(Threshold threshold, RequestStats overall,
                                                 Map<String, RequestStats> byRequest) {
        if (threshold.minSamples() <= 0) {
            return null;
        }
        RequestStats stats = statsOf(threshold, overall, byRequest);
        long count = stats == null ? 0 : stats.count();
        if (count >= threshold.minSamples()) {
            return null;
        }
        return new ThresholdResult(threshold, measure(threshold, overall, byRequest), false, "only " + count
                + " responses, fewer than minSamples " + threshold.minSamples() + ": not judged", false);
    }

    /**
     * The first threshold marked {@code abort} that the figures so far break, as a reason to stop the run; or
     * {@code null}. Only request figures are judged while the run goes (with their minSamples).
     */
    public static String abortReason(List<Threshold> thresholds, RequestStats overall,
                                     Map<String, RequestStats> byRequest, double elapsedSeconds) {
        for (Threshold t : thresholds) {
            if (!t.abort() || tooFewSamples(t, overall, byRequest) != null) {
                continue;
            }
            Double actual = measure(t, overall, byRequest);
            if (actual != null && !t.holds(actual)) {
                return String.format(java.util.Locale.ROOT, "threshold '%s' (abort: true) broke after %.0fs: measured %s",
                        t.expression(), elapsedSeconds, t.metric().format(actual));
            }
        }
        return null;
    }

    /** The figures a request threshold names: the whole scenario's or one request's; {@code null} for none. */
    private static RequestStats statsOf(Threshold threshold, RequestStats overall, Map<String, RequestStats> byRequest) {
        return threshold.request() == null ? overall : byRequest.get(threshold.request());
    }

    /**
     * Whether a threshold holds on the figures of a run so far, for live figures: {@code null} when that cannot be
     * told yet. Only an absolute threshold on request figures over the whole run is judged; one on a baseline, the
     * analysis, resources, a flow or a window, one with too few samples, and one with no figure yet are not.
     */
    public static Boolean holdsSoFar(Threshold threshold, RequestStats overall, Map<String, RequestStats> byRequest) {
        if (threshold.isRelative() || threshold.metric().isAnalysis() || threshold.metric().monitor() != null
                || threshold.flow() || threshold.over() != null || threshold.after() != null
                || tooFewSamples(threshold, overall, byRequest) != null) {
            return null;
        }
        Double actual = measure(threshold, overall, byRequest);
        return actual == null || actual.isNaN() ? null : threshold.holds(actual);
    }

    /** The figure a request threshold compares; {@code null} when it cannot be computed. */
    public static Double measure(Threshold threshold, RequestStats overall, Map<String, RequestStats> byRequest) {
        RequestStats stats = statsOf(threshold, overall, byRequest);
        return stats == null ? null : Measures.of(threshold, stats);
    }

    private static ThresholdResult relativeResult(Threshold threshold, RunFigures figures) {
        Double actual = measure(threshold, figures.overall(), figures.byRequest());
        Baselines baselines = figures.baselines();
        Baselines.Figure base = baselines == null ? null : baselines.of(threshold.request(), threshold.metric());
        if (base == null) {
            String why = baselines == null ? "the run history is off" : baselines.whyNone();
            return new ThresholdResult(threshold, actual, false, "no baseline: " + why, false);
        }
        if (base.runs() < RegressionCheck.MIN_RUNS && !baselines.pinned()) {
            return new ThresholdResult(threshold, actual, false, "inconclusive: " + base.runs() + " comparable run"
                    + (base.runs() == 1 ? "" : "s") + " in the baseline (median " + threshold.metric().format(base.median())
                    + "); " + RegressionCheck.MIN_RUNS + " are needed to tell noise from change", false);
        }
        double limit = threshold.relative().limit(base.median());
        Metric metric = threshold.metric();
        String note = "baseline " + metric.format(base.median()) + " (median of " + base.runs() + " run"
                + (base.runs() == 1 ? "" : "s") + ", " + metric.format(base.min()) + " to " + metric.format(base.max())
                + "), limit " + metric.format(limit);
        return new ThresholdResult(threshold, actual, threshold.holds(actual, limit), note, true);
    }

    private static ThresholdResult resourceResult(Threshold threshold, MonitorMetric monitor, ResourceSummary resources) {
        if (resources == null) {
            return new ThresholdResult(threshold, null, false, "not measured: monitoring is off (monitor.enabled: false)");
        }
        ResourceSummary.Figure figure = resources.figure(monitor.scope(), monitor.metric(), monitor.stat());
        return new ThresholdResult(threshold, figure.value(), threshold.holds(figure.value()), figure.note());
    }

    private static ThresholdResult analysisResult(Threshold threshold, ScalabilityAnalysis analysis) {
        if (analysis == null) {
            return new ThresholdResult(threshold, null, false, "no analysis: the run stopped before any level");
        }
        ScalabilityAnalysis.Figure figure = analysis.figure(threshold.metric().name());
        boolean passed = threshold.holds(figure.value());
        Double shown = figure.value() == null || figure.value().isInfinite() ? null : figure.value();
        return new ThresholdResult(threshold, shown, passed, figure.note());
    }
}
