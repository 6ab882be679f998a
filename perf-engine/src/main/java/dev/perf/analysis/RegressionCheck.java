package dev.perf.analysis;

import dev.perf.metrics.RequestStats;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import dev.perf.scenario.Metric;
import dev.perf.scenario.ThresholdParser;
import dev.perf.metrics.Measures;

/**
 * Compares a run with its baseline, figure by figure, and calls a figure regressed only when it is worse than the
 * baseline's median beyond both the tolerance and the baseline's own noise: outside the 99% prediction interval of
 * a new run given the baseline's runs ({@code t(0.995, n-1) * s * sqrt(1 + 1/n)}, which is wide for a few runs, as it
 * should be), so a noisy CI machine does not raise false alarms. A change beyond the tolerance but within the noise
 * is inconclusive: the baseline is too noisy to judge it. Lasting shifts too small for one run to show are what
 * {@link ChangePoints} finds across the history.
 */
public final class RegressionCheck {
    /** The prediction interval's confidence. */
    public static final double CONFIDENCE = 0.99;
    /** Fewer baseline runs than this give no estimate of the noise: a change beyond the tolerance is inconclusive. */
    public static final int MIN_RUNS = 3;
    /** The error rate's tolerance is at least this many percentage points (a relative tolerance of 0% is nothing). */
    static final double MIN_ERROR_RATE_POINTS = 0.5;

    public enum Verdict { OK, IMPROVED, REGRESSED, INCONCLUSIVE }

    /**
     * One figure compared.
     *
     * @param request       a request name, or {@code ALL}
     * @param changePercent (current - median) / median in %, or {@code null} when the median is 0
     * @param shown         the current value in the metric's unit, for people
     * @param limit         the value beyond which this figure would have regressed, or {@code null} when it could
     *                      not (too few baseline runs)
     */
    public record Finding(String request, String metric, double current, Baselines.Figure baseline,
                          Double changePercent, Verdict verdict, String reason, String shown, Double limit) {
    }

    private RegressionCheck() {
    }

    /** The figures compared: latency and error rate (higher is worse), and throughput in the closed model. */
    private static final List<Metric> COMPARED = Stream.of("avg", "p95", "p99", "error-rate")
            .map(ThresholdParser::metric).toList();
    private static final Metric RPS = ThresholdParser.metric("rps");

    static List<Metric> metrics(boolean closedModel) {
        return closedModel ? Stream.concat(COMPARED.stream(), Stream.of(RPS)).toList() : COMPARED;
    }

    /**
     * @param tolerance    relative change allowed, e.g. 0.10
     * @param closedModel  whether throughput is a result (closed model) rather than the offered rate
     * @return one finding per figure that has a baseline; empty without baselines
     */
    public static List<Finding> check(RunFigures figures, double tolerance, boolean closedModel) {
        List<Finding> findings = new ArrayList<>();
        Baselines baselines = figures.baselines();
        if (baselines == null || figures.overall() == null) {
            return findings;
        }
        List<RequestStats> all = new ArrayList<>();
        all.add(figures.overall());
        all.addAll(figures.byRequest().values());
        for (RequestStats stats : all) {
            String request = stats.name().equals(RequestStats.ALL) ? null : stats.name();
            for (Metric metric : metrics(closedModel)) {
                Double current = Measures.of(metric, stats);
                Baselines.Figure base = baselines.of(request, metric);
                if (current == null || current.isNaN() || base == null) {
                    continue;
                }
                findings.add(judge(stats.name(), metric, current, base, tolerance));
            }
        }
        return findings;
    }

    static Finding judge(String request, Metric metric, double current, Baselines.Figure base, double tolerance) {
        boolean higherIsWorse = !metric.name().equals("rps");
        double worse = higherIsWorse ? current - base.median() : base.median() - current;
        double tolerated = metric.name().equals("error-rate")
                ? Math.max(MIN_ERROR_RATE_POINTS, tolerance * base.median()) : tolerance * Math.abs(base.median());
        double noise = noise(base);
        Double change = base.median() == 0 ? null : (current - base.median()) * 100 / base.median();
        String spread = String.format(Locale.ROOT, "baseline %s (median of %d runs, noise ±%s)",
                metric.format(base.median()), base.runs(), metric.format(base.sigma()));
        Verdict verdict;
        String reason;
        if (worse > tolerated && base.runs() < MIN_RUNS) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "worse than the tolerance, but " + base.runs() + " baseline run" + (base.runs() == 1 ? "" : "s")
                    + " cannot tell noise from change (" + MIN_RUNS + " needed)";
        } else if (worse > tolerated && worse > noise) {
            verdict = Verdict.REGRESSED;
            reason = "worse than the tolerance and than the baseline's noise";
        } else if (worse > tolerated) {
            verdict = Verdict.INCONCLUSIVE;
            reason = "worse than the tolerance, but within the baseline's noise (99% of runs fall within "
                    + metric.format(noise) + " of its median)";
        } else if (-worse > tolerated && -worse > noise && base.runs() >= MIN_RUNS) {
            verdict = Verdict.IMPROVED;
            reason = "better than the tolerance and than the baseline's noise";
        } else {
            verdict = Verdict.OK;
            reason = "within the tolerance or the noise";
        }
        double margin = Math.max(tolerated, noise);
        Double limit = base.runs() < MIN_RUNS || Double.isInfinite(margin) ? null
                : higherIsWorse ? base.median() + margin : base.median() - margin;
        return new Finding(request, metric.name(), current, base, change, verdict, reason + "; " + spread,
                metric.format(current), limit);
    }

    /** Half-width of the 99% prediction interval of one more run, from the baseline's runs. */
    static double noise(Baselines.Figure base) {
        int n = base.runs();
        if (n < 2) {
            return Double.POSITIVE_INFINITY;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return t * base.sigma() * Math.sqrt(1 + 1.0 / n);
    }

    /** Whether any figure regressed. */
    public static boolean regressed(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.verdict() == Verdict.REGRESSED);
    }

    /** Figures by verdict, for a one-line summary. */
    public static Map<Verdict, Long> counts(List<Finding> findings) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        findings.forEach(f -> counts.merge(f.verdict(), 1L, Long::sum));
        return counts;
    }
}
