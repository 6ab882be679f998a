package dev.perf.run;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.analysis.ScalabilityAnalysis;
import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.Histograms;
import dev.perf.metrics.PhaseTimes;
import dev.perf.scenario.Phase;
import dev.perf.metrics.LoadRun;
import dev.perf.metrics.RequestRecorder;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.metrics.RunMetricsBuilder;
import dev.perf.metrics.SendLag;
import dev.perf.metrics.StageMetrics;
import dev.perf.metrics.ThresholdWindows;
import dev.perf.result.Figures;
import dev.perf.result.Resources;
import dev.perf.result.RunResult;
import dev.perf.result.ScalabilityResult;
import dev.perf.result.StageResult;
import dev.perf.result.ThresholdVerdict;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.Stage;
import dev.perf.scenario.Threshold;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Rebuilds one run's figures from its shards', losslessly: histograms are added (never percentiles averaged),
 * counters summed, each stage from the shards' stage histograms, and the time series from the shards' interval logs
 * aligned by absolute time ({@link ShardTimeline}). The merged run is then judged like any other.
 *
 * @param run        the merged run, as the engine would have produced it for the whole load
 * @param stop       where the earliest shard stopped a stepped plan ({@code stopWhen}), or {@code null}
 * @param generator  saturated when any shard's generator was, with each one's reasons
 * @param from       the shards it was merged from, for summary.json and the dashboard
 * @param timeline   the merged intervals, for the merged run's latency.hlog
 */
record ShardMerge(LoadRun run, ScalabilityAnalysis.Stop stop, GeneratorCheck.Verdict generator, RunResult.Merged from,
                  ShardTimeline timeline, ShardResults.Group group) {

    /**
     * @param scenario       the whole (unsplit) scenario the shards ran
     * @param intervalMillis the merged time series' interval
     * @throws PerfSetupException when a shard's results lack what a merge needs
     */
    static ShardMerge of(Scenario scenario, ShardResults.Group group, long intervalMillis) {
        List<ShardResults.Shard> shards = group.shards();
        List<String> names = shards.get(0).result().requests().stream().map(Figures::name).toList();
        List<StageMetrics> stages = new ArrayList<>();
        double loadSeconds = 0;
        SendLag lag = new SendLag();
        for (int s = 0; s < scenario.load().stages().size(); s++) {
            StageMetrics stage = stage(scenario.load().stages().get(s), s, shards, names);
            if (stage.offersLoad()) {
                loadSeconds += stage.elapsedSeconds();
            }
            if (stage.sendLagMicros() != null) {
                lag.add(SendLag.of(stage.sendLagMicros(), stage.lateSends()));
            }
            stages.add(stage);
        }
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        for (String name : names) {
            byRequest.put(name, RunMetricsBuilder.merge(name, stages.stream().map(st -> st.byRequest().get(name))
                    .filter(Objects::nonNull).toList(), loadSeconds));
        }
        RequestStats overall = RunMetricsBuilder.merge(RequestStats.ALL, byRequest.values(), loadSeconds);
        Map<String, RequestStats> flows = new LinkedHashMap<>();
        for (Figures flow : shards.get(0).result().flows()) {
            double seconds = loadSeconds;
            flows.put(flow.name(), RunMetricsBuilder.merge(flow.name(), shards.stream().map(sh -> sh.result().flows()
                    .stream().filter(f -> f.name().equals(flow.name())).findFirst()
                    .map(f -> stats(f, seconds, sh, "flow " + f.name())).orElse(null)).filter(Objects::nonNull)
                    .toList(), seconds));
        }
        ThresholdWindows windows = ThresholdWindows.of(scenario.thresholds());
        ShardTimeline timeline = ShardTimeline.of(shards, names, intervalMillis, windows);
        long opened = 0;
        long reused = 0;
        long unfinished = 0;
        long cutShort = 0;
        boolean nativeTransport = true;
        for (ShardResults.Shard shard : shards) {
            RunResult.Sending sending = shard.result().generator().sending();
            if (sending != null) {
                opened += sending.connectionsOpened();
                reused += sending.connectionsReused();
                unfinished += sending.unfinished();
                cutShort += sending.iterationsCutShort();
                nativeTransport &= Boolean.TRUE.equals(sending.nativeTransport());
            }
        }
        RunMetrics metrics = new RunMetrics(loadSeconds, overall, byRequest, stages, timeline.series(), opened, reused,
                lag.lateSends(), lag.p99Millis(), lag.maxMillis(), flows, windows.parts());
        Instant start = shards.stream().map(s -> Instant.parse(s.result().startTime())).min(Comparator.naturalOrder())
                .orElseThrow();
        Instant end = shards.stream().map(s -> Instant.parse(s.result().endTime())).max(Comparator.naturalOrder())
                .orElseThrow();
        boolean partial = shards.stream().anyMatch(s -> "partial".equals(s.result().status()));
        List<String> reasons = shards.stream().filter(s -> s.result().stopReason() != null)
                .map(s -> "shard " + s.index() + ": " + s.result().stopReason()).toList();
        LoadRun run = new LoadRun(start, end, partial, nativeTransport, metrics,
                reasons.isEmpty() ? null : String.join("; ", reasons), (int) Math.min(Integer.MAX_VALUE, unfinished),
                cutShort);
        return new ShardMerge(run, stop(shards), generator(shards), from(group), timeline, group);
    }

    /**
     * A stage of the merged run: the shards' histograms of it added up. It ran when every merged shard ran it (a
     * stepped plan's {@code stopWhen} is each shard's own decision); it lasted as long as the longest shard's.
     */
    private static StageMetrics stage(Stage planned, int index, List<ShardResults.Shard> shards, List<String> names) {
        boolean ran = true;
        double seconds = 0;
        long late = 0;
        Histogram lagMicros = null;
        Map<String, List<RequestStats>> parts = new LinkedHashMap<>();
        names.forEach(n -> parts.put(n, new ArrayList<>()));
        for (ShardResults.Shard shard : shards) {
            if (index >= shard.result().stages().size()) {
                throw new PerfSetupException("the scenario has " + (index + 1) + "+ stages but " + shard.label()
                        + " ran " + shard.result().stages().size() + ": it is not this scenario's shard");
            }
            StageResult stage = shard.result().stages().get(index);
            ran &= stage.ran();
            seconds = Math.max(seconds, stage.elapsedSeconds());
            if (stage.offered() == null) {
                continue;
            }
            late += stage.offered().lateSends();
            if (stage.offered().sendLagHistogram() != null) {
                Histogram h = decode(stage.offered().sendLagHistogram(), shard, "stage " + (index + 1) + " send lag");
                if (lagMicros == null) {
                    lagMicros = h;
                } else {
                    lagMicros.add(h);
                }
            }
            double stageSeconds = stage.elapsedSeconds();
            for (Figures request : stage.offered().requests()) {
                List<RequestStats> list = parts.get(request.name());
                if (list == null) {
                    throw new PerfSetupException(shard.label() + " has a request '" + request.name() + "' that shard "
                            + shards.get(0).index() + " does not: it is not a shard of the same scenario");
                }
                list.add(stats(request, stageSeconds, shard, "stage " + (index + 1) + " " + request.name()));
            }
        }
        double elapsed = seconds;
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        parts.forEach((name, list) -> byRequest.put(name, RunMetricsBuilder.merge(name, list, elapsed)));
        SendLag lag = lagMicros == null ? null : SendLag.of(lagMicros, late);
        return new StageMetrics(index, planned.describe(), ran, planned.offersLoad(), elapsed,
                RunMetricsBuilder.merge(RequestStats.ALL, byRequest.values(), elapsed), byRequest, late,
                lag == null ? null : lag.p99Millis(), lag == null ? null : lag.maxMillis(), lagMicros);
    }

    /** A shard's figures as the engine holds them, from its histograms. */
    static RequestStats stats(Figures f, double seconds, ShardResults.Shard shard, String what) {
        Histogram latency = decode(f.latencyHistogram(), shard, what);
        Histogram service = f.serviceTimeHistogram() == null ? null : decode(f.serviceTimeHistogram(), shard, what);
        if (service == null) {
            throw missing(shard, what);
        }
        Histogram failed = f.failedLatencyHistogram() == null ? new Histogram(RequestRecorder.SIGNIFICANT_DIGITS)
                : decode(f.failedLatencyHistogram(), shard, what);
        Map<Integer, Long> statuses = new TreeMap<>();
        f.statusCodes().forEach((code, n) -> statuses.put(Integer.parseInt(code), n));
        Map<ErrorKind, RequestStats.ErrorCount> errors = new EnumMap<>(ErrorKind.class);
        f.errors().forEach((kind, e) -> errors.merge(ErrorKind.fromKey(kind), new RequestStats.ErrorCount(e.count(),
                e.firstMessage()), (a, b) -> new RequestStats.ErrorCount(a.count() + b.count(), a.firstMessage())));
        return new RequestStats(f.name(), f.ok(), f.failed(), f.dropped(), seconds, latency, service, statuses, errors,
                f.bytesReceived(), f.bytesSent(), f.checks() == null ? Map.of() : f.checks(), failed,
                f.checksNotJudged() == null ? Map.of() : f.checksNotJudged(),
                f.protocols() == null ? 0 : f.protocols().getOrDefault("HTTP/2", 0L), phases(f, shard, what));
    }

    /** A shard's phase times; a phase without its histogram (a shard from before they were written) is left out. */
    private static PhaseTimes phases(Figures f, ShardResults.Shard shard, String what) {
        if (f.phases() == null) {
            return PhaseTimes.none();
        }
        Map<Phase, Histogram> byPhase = new EnumMap<>(Phase.class);
        f.phases().forEach((key, time) -> {
            Phase phase = Phase.of(key);
            if (phase != null && time.histogram() != null) {
                byPhase.put(phase, decode(time.histogram(), shard, what + " " + key));
            }
        });
        return PhaseTimes.of(byPhase);
    }

    static Histogram decode(String base64, ShardResults.Shard shard, String what) {
        if (base64 == null) {
            throw missing(shard, what);
        }
        try {
            return Histograms.decode(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PerfSetupException(shard.label() + ": the histogram of " + what + " is damaged ("
                    + e.getMessage() + "); download the shard's results again");
        }
    }

    private static PerfSetupException missing(ShardResults.Shard shard, String what) {
        return new PerfSetupException(shard.label() + " has no histograms for " + what + ": its results were "
                + "written by a perf that did not keep what a merge needs; run the shards with this version");
    }

    /** The earliest level at which a shard's {@code stopWhen} ended its stepped plan. */
    private static ScalabilityAnalysis.Stop stop(List<ShardResults.Shard> shards) {
        return shards.stream().filter(s -> s.result().scalability() != null
                        && s.result().scalability().stoppedEarly() != null)
                .min(Comparator.comparingInt(s -> s.result().scalability().stoppedEarly().level()))
                .map(s -> {
                    ScalabilityResult.Stop stop = s.result().scalability().stoppedEarly();
                    return new ScalabilityAnalysis.Stop(stop.level(), stop.load(), stop.condition(),
                            stop.measured() + " on shard " + s.index());
                }).orElse(null);
    }

    private static GeneratorCheck.Verdict generator(List<ShardResults.Shard> shards) {
        List<String> reasons = new ArrayList<>();
        boolean saturated = false;
        for (ShardResults.Shard shard : shards) {
            RunResult.Generator g = shard.result().generator();
            if (g.saturated()) {
                saturated = true;
                g.saturation().forEach(r -> reasons.add("shard " + shard.index() + " on " + shard.result().shard().host()
                        + ": " + r));
            }
        }
        return new GeneratorCheck.Verdict(saturated, reasons);
    }

    private static RunResult.Merged from(ShardResults.Group group) {
        List<RunResult.Part> parts = group.shards().stream().map(s -> {
            RunResult r = s.result();
            RunResult.Sending sending = r.generator().sending();
            return new RunResult.Part(s.index(), r.shard().host(), r.runId(), r.startTime(), r.shard().startLateMs(),
                    r.overall().count(), r.overall().failed(), r.overall().dropped(), r.overall().rps(),
                    r.overall().latencyMs().p99(), sending == null ? null : sending.sendLagP99Ms(),
                    generatorCpuMax(r.resources()), r.generator().saturated(), r.generator().saturation());
        }).toList();
        return new RunResult.Merged(group.runKey(), group.count(), group.partial(), group.missing(), parts);
    }

    private static Double generatorCpuMax(Resources resources) {
        if (resources == null || resources.summary() == null || resources.summary().get("generator") == null) {
            return null;
        }
        Resources.Stat cpu = resources.summary().get("generator").get("cpu");
        return cpu == null ? null : cpu.max();
    }

    /**
     * The thresholds judged on the merged figures, with each resource threshold judged on the shards instead: a
     * resource figure describes one machine, so the merged run takes the worst shard's (and is inconclusive when a
     * shard could not measure it).
     */
    List<ThresholdResult> withShardResources(List<ThresholdResult> merged) {
        List<ThresholdResult> results = new ArrayList<>(merged);
        for (int i = 0; i < results.size(); i++) {
            Threshold threshold = results.get(i).threshold();
            if (threshold.metric().monitor() != null) {
                results.set(i, worstShard(threshold, i));
            }
        }
        return results;
    }

    private ThresholdResult worstShard(Threshold threshold, int position) {
        ShardResults.Shard worst = null;
        ThresholdVerdict worstVerdict = null;
        boolean passed = true;
        for (ShardResults.Shard shard : group.shards()) {
            List<ThresholdVerdict> verdicts = shard.result().thresholds();
            ThresholdVerdict v = position < verdicts.size() ? verdicts.get(position) : null;
            if (v == null || !v.expression().equals(threshold.expression()) || v.actual() == null) {
                return new ThresholdResult(threshold, null, false, "not measured on shard " + shard.index() + " ("
                        + shard.result().shard().host() + ")", false);
            }
            passed &= v.passed();
            if (worstVerdict == null || (threshold.higherIsWorse() ? v.actual() > worstVerdict.actual()
                    : v.actual() < worstVerdict.actual())) {
                worst = shard;
                worstVerdict = v;
            }
        }
        return new ThresholdResult(threshold, worstVerdict.actual(), passed, "the worst of " + group.shards().size()
                + " shards: " + threshold.metric().format(worstVerdict.actual()) + " on shard " + worst.index() + " ("
                + worst.result().shard().host() + ")", true);
    }
}
