package dev.perf.report;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.RunFigures;
import dev.perf.analysis.ThresholdResult;
import dev.perf.analysis.VerdictGates;
import dev.perf.metrics.Histograms;
import dev.perf.metrics.PhaseTimes;
import dev.perf.scenario.Phase;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.LoadRun;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.result.Figures;
import dev.perf.result.RunResult;
import dev.perf.result.StageResult;
import dev.perf.result.ThresholdVerdict;
import dev.perf.result.TimePoint;
import dev.perf.scenario.Scenario;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's {@code summary.json} as a {@link RunResult} (schema documented in docs/reference/outputs.md and
 * schema/perf-summary.schema.json, version {@value #SCHEMA_VERSION}). Figures that cannot be computed are
 * {@code null}, never 0.
 */
public final class SummaryJson {
    public static final int SCHEMA_VERSION = 1;
    private static final int SPECTRUM_TICKS_PER_HALF_DISTANCE = 5;

    private SummaryJson() {
    }

    /**
     * The load run, as its summary.json says it (without the comparison with the baseline).
     *
     * @param verdict      passed, failed or inconclusive
     * @param inconclusive why it is inconclusive, one line each (empty otherwise)
     */
    public static RunResult of(Scenario scenario, String runId, LoadRun run, RunFigures figures,
                               GeneratorCheck.Verdict generatorCheck, List<ThresholdResult> thresholds,
                               String verdict, List<String> inconclusive) {
        RunMetrics m = run.metrics();
        RunResult.Load load = new RunResult.Load(scenario.load().isOpenModel() ? "open" : "closed",
                scenario.load().isStepped() ? "steps" : scenario.load().stages().size() > 1 ? "stages" : "single",
                scenario.load().describe(), m.elapsedSeconds(), scenario.load().maxInFlight());
        List<StageResult> stages = m.stages().stream().map(s -> StageJson.stage(scenario.load(), s)).toList();
        RunResult.Generator generator = new RunResult.Generator(new RunResult.Sending(run.nativeTransport(),
                m.connectionsOpened(), m.connectionsReused(), m.lateSends(), run.unfinished(), run.iterationsCutShort(),
                number(m.sendLagP99Millis()), number(m.sendLagMaxMillis())), generatorCheck.saturated(),
                List.copyOf(generatorCheck.reasons()));
        return new RunResult(SCHEMA_VERSION, runId, scenario.name(), scenario.file().toString(),
                run.partial() ? "partial" : "completed", run.stopReason(), verdict, List.copyOf(inconclusive),
                run.startTime().toString(), run.endTime().toString(),
                new RunResult.Target(Redact.url(scenario.baseUrl()), scenario.environment()), load,
                withSpectrum(m.overall(), null), m.byRequest().values().stream().map(s -> withSpectrum(s, null)).toList(),
                m.flows().values().stream().map(s -> withSpectrum(s, null)).toList(), stages,
                figures.analysis() == null ? null : StageJson.scalability(scenario.load().steps(), figures.analysis()),
                thresholds(thresholds), generator,
                figures.resources() == null ? null : ResourcesJson.summary(figures.resources()), timeSeries(m.series()),
                null, null, null);
    }

    /** The per-interval points by request name and {@code ALL}. */
    static Map<String, List<TimePoint>> timeSeries(Map<String, List<IntervalPoint>> timeSeries) {
        Map<String, List<TimePoint>> series = new LinkedHashMap<>();
        timeSeries.forEach((name, points) -> series.put(name, points.stream().map(p -> {
            Map<String, Long> statuses = new LinkedHashMap<>();
            p.statuses().forEach((code, n) -> statuses.put(Integer.toString(code), n));
            return new TimePoint(Math.round(p.endSeconds() * 1000) / 1000.0,
                    Math.round(p.intervalSeconds() * 1000) / 1000.0, p.count(), p.failed(), number(p.p50Millis()),
                    number(p.p90Millis()), number(p.p95Millis()), number(p.p99Millis()), number(p.maxMillis()), statuses,
                    new LinkedHashMap<>(p.errors()), p.inFlight(), p.users());
        }).toList()));
        return series;
    }

    /** The thresholds' verdicts. */
    static List<ThresholdVerdict> thresholds(List<ThresholdResult> thresholds) {
        return thresholds.stream().map(r -> new ThresholdVerdict(r.threshold().expression(), r.threshold().request(),
                r.threshold().metric().name(), r.threshold().comparison().symbol(),
                r.threshold().isRelative() ? null : number(r.threshold().limit()),
                r.threshold().metric().unit().name().toLowerCase(Locale.ROOT), number(r.actual()), r.passed(),
                r.judged(), !r.judged() ? "inconclusive" : r.passed() ? "passed" : "failed",
                VerdictGates.isGate(r.threshold()) ? Boolean.TRUE : null,
                r.threshold().isRelative() ? "baseline" : null, r.note(), r.threshold().flow() ? Boolean.TRUE : null))
                .toList();
    }

    /** The figures without the histogram and spectrum (a stage's). */
    static Figures stats(RequestStats s) {
        return figures(s, null, null, null);
    }

    /** The figures with their histograms but no spectrum (a shard's stage, for the merge). */
    static Figures withHistograms(RequestStats s) {
        return figures(s, base64(s.latencyMicros()), null, null);
    }

    /**
     * The figures with the latency's percentile spectrum as HdrHistogram plots it: {@code [percentile, ms]} pairs,
     * denser towards the tail (five steps per halving of the distance to 100%), ending at the maximum; and the
     * histogram itself (microseconds, HdrHistogram's compressed encoding in Base64), so that tools can merge requests
     * or runs exactly.
     *
     * @param cost a tracked operation's cost, or {@code null}
     */
    static Figures withSpectrum(RequestStats s, OperationCost cost) {
        List<double[]> spectrum = new ArrayList<>();
        if (s.latencyMicros().getTotalCount() > 0) {
            double lastPercentile = -1;
            for (HistogramIterationValue v : s.latencyMicros().percentiles(SPECTRUM_TICKS_PER_HALF_DISTANCE)) {
                double percentile = v.getPercentileLevelIteratedTo();
                if (percentile == lastPercentile) {
                    continue;
                }
                lastPercentile = percentile;
                spectrum.add(new double[]{Math.round(percentile * 1e6) / 1e6, v.getValueIteratedTo() / 1000.0});
                if (percentile >= 100) {
                    break;
                }
            }
        }
        return figures(s, base64(s.latencyMicros()), spectrum, cost);
    }

    static String base64(Histogram histogram) {
        return Base64.getEncoder().encodeToString(Histograms.encode(histogram));
    }

    private static Figures figures(RequestStats s, String histogram, List<double[]> spectrum, OperationCost cost) {
        Figures.Latency latency = new Figures.Latency(number(s.minMillis()), number(s.meanMillis()),
                number(s.stdDevMillis()), number(s.maxMillis()), number(s.percentileMillis(50)),
                number(s.percentileMillis(75)), number(s.percentileMillis(90)), number(s.percentileMillis(95)),
                number(s.percentileMillis(99)), number(s.percentileMillis(99.9)));
        Figures.Percentiles service = new Figures.Percentiles(number(s.servicePercentileMillis(50)),
                number(s.servicePercentileMillis(75)), number(s.servicePercentileMillis(90)),
                number(s.servicePercentileMillis(95)), number(s.servicePercentileMillis(99)),
                number(s.servicePercentileMillis(99.9)));
        Map<String, Long> statuses = new LinkedHashMap<>();
        s.statusCounts().forEach((code, n) -> statuses.put(Integer.toString(code), n));
        Map<String, Figures.ErrorCount> errors = new LinkedHashMap<>();
        s.errorCounts().forEach((kind, e) -> errors.put(kind.key(), new Figures.ErrorCount(e.count(), e.firstMessage())));
        return new Figures(s.name(), s.count(), s.ok(), s.failed(), s.dropped(), number(s.successRatePercent()),
                number(s.rps()), latency, service, statuses, errors, new LinkedHashMap<>(s.checkFailures()),
                new LinkedHashMap<>(s.checksNotJudged()), s.bytesReceived(), s.bytesSent(), histogram, spectrum,
                histogram == null || s.serviceTimeMicros() == null ? null : base64(s.serviceTimeMicros()),
                histogram == null || s.failedLatencyMicros() == null || s.failedLatencyMicros().getTotalCount() == 0
                        ? null : base64(s.failedLatencyMicros()),
                cost == null ? null : number(cost.cpuMillisPerExecution()),
                cost == null ? null : number(cost.allocatedBytesPerExecution()), s.protocols(),
                phases(s.phases(), histogram != null));
    }

    private static Map<String, Figures.PhaseTime> phases(PhaseTimes times, boolean withHistograms) {
        Map<String, Figures.PhaseTime> phases = new LinkedHashMap<>();
        for (Phase phase : times.phases()) {
            phases.put(phase.key(), new Figures.PhaseTime(times.count(phase), number(times.meanMillis(phase)),
                    number(times.percentileMillis(phase, 50)), number(times.percentileMillis(phase, 90)),
                    number(times.percentileMillis(phase, 95)), number(times.percentileMillis(phase, 99)),
                    number(times.maxMillis(phase)), withHistograms ? base64(times.micros(phase)) : null));
        }
        return phases;
    }

    /** A figure as JSON holds it: {@code null} for one that could not be computed (NaN included), never 0. */
    static Double number(Double value) {
        return value == null || value.isNaN() ? null : value;
    }
}
