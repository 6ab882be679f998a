package dev.perf.metrics;

import dev.perf.scenario.Secrets;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Computes {@link RunMetrics} from a stopped sampler and the registry's counters, merging histograms. */
public final class RunMetricsBuilder {

    private RunMetricsBuilder() {
    }

    /**
     * What a stage looks like while the run goes on: everything drained so far (call {@link IntervalSampler#sampleNow()}
     * first) and the live counters. Requests still in flight are missing.
     */
    public static StageMetrics stageSoFar(MetricsRegistry registry, IntervalSampler sampler, StagePlanInfo stage,
                                          double elapsedSeconds) {
        Histogram[][] totals = sampler.stageTotals(stage.index());
        return stage(registry, sampler, stage, elapsedSeconds, true, totals[0], totals[1], totals[2]);
    }

    /** The whole run so far, every stage merged (call {@link IntervalSampler#sampleNow()} or sample first). */
    public static StageMetrics runSoFar(MetricsRegistry registry, IntervalSampler sampler, List<StagePlanInfo> stages,
                                        double elapsedSeconds) {
        List<String> names = registry.requestNames();
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        List<StageMetrics> parts = new ArrayList<>();
        for (StagePlanInfo stage : stages) {
            parts.add(stageSoFar(registry, sampler, stage, elapsedSeconds));
        }
        for (String name : names) {
            byRequest.put(name, merge(name, parts.stream().map(p -> p.byRequest().get(name)).toList(), elapsedSeconds));
        }
        return new StageMetrics(-1, "whole run", true, true, elapsedSeconds,
                merge(RequestStats.ALL, byRequest.values(), elapsedSeconds), byRequest,
                parts.stream().mapToLong(StageMetrics::lateSends).sum(), null, null, null);
    }

    /**
     * @param stages       what each stage was
     * @param stageSeconds how long each stage offered load
     * @param ran          whether each stage ran
     */
    public static RunMetrics build(MetricsRegistry registry, IntervalSampler sampler, List<StagePlanInfo> stages,
                                   double[] stageSeconds, boolean[] ran) {
        List<String> names = registry.requestNames();
        List<StageMetrics> stageMetrics = new ArrayList<>();
        double loadSeconds = 0;
        SendLag lag = new SendLag();
        for (StagePlanInfo stage : stages) {
            int s = stage.index();
            if (stage.offersLoad()) {
                loadSeconds += stageSeconds[s];
            }
            lag.add(registry.sendLag(s));
            Histogram[] latency = new Histogram[names.size()];
            Histogram[] service = new Histogram[names.size()];
            Histogram[] failed = new Histogram[names.size()];
            for (int r = 0; r < names.size(); r++) {
                latency[r] = sampler.latencyTotal(s, r);
                service[r] = sampler.serviceTotal(s, r);
                failed[r] = sampler.failedTotal(s, r);
            }
            stageMetrics.add(stage(registry, sampler, stage, stageSeconds[s], ran[s], latency, service, failed));
        }
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        for (String name : names) {
            List<RequestStats> perStage = stageMetrics.stream().map(st -> st.byRequest().get(name)).toList();
            byRequest.put(name, merge(name, perStage, loadSeconds));
        }
        RequestStats overall = merge(RequestStats.ALL, byRequest.values(), loadSeconds);
        return new RunMetrics(loadSeconds, overall, byRequest, stageMetrics, sampler.series(),
                registry.connectionsOpened(), registry.connectionsReused(), lag.lateSends(),
                lag.p99Millis(), lag.maxMillis(), flows(registry, loadSeconds), sampler.windowParts());
    }

    private static StageMetrics stage(MetricsRegistry registry, IntervalSampler sampler, StagePlanInfo stage,
                                      double seconds, boolean ran, Histogram[] latency, Histogram[] service,
                                      Histogram[] failed) {
        List<String> names = registry.requestNames();
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        for (int r = 0; r < names.size(); r++) {
            byRequest.put(names.get(r), stats(names.get(r), registry.recorder(stage.index(), r), latency[r],
                    service[r], failed[r], seconds, registry.secrets(), sampler.phaseTotal(stage.index(), r)));
        }
        SendLag lag = registry.sendLag(stage.index());
        return new StageMetrics(stage.index(), stage.description(), ran, stage.offersLoad(), seconds,
                merge(RequestStats.ALL, byRequest.values(), seconds), byRequest, lag.lateSends(), lag.p99Millis(),
                lag.maxMillis(), lag.micros());
    }

    /**
     * First messages may quote what a server sent or a check expected: secrets are masked before anything shows them,
     * control characters (a status line's terminal escapes) are escaped and long ones are cut.
     */
    private static Map<ErrorKind, RequestStats.ErrorCount> masked(Map<ErrorKind, RequestStats.ErrorCount> errors,
                                                                  Secrets secrets) {
        Map<ErrorKind, RequestStats.ErrorCount> masked = new EnumMap<>(ErrorKind.class);
        errors.forEach((kind, e) -> masked.put(kind, new RequestStats.ErrorCount(e.count(),
                printable(secrets.mask(e.firstMessage())))));
        return masked;
    }

    private static String printable(String message) {
        if (message == null) {
            return null;
        }
        String cut = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "… ("
                + message.length() + " characters)";
        return dev.perf.scenario.Printable.escape(cut);
    }

    /** A first error message is cut to this many characters. */
    private static final int MAX_MESSAGE = 500;

    /** A check's name may hold a value it compares with, written from a secret variable. */
    private static Map<String, Long> maskedKeys(Map<String, Long> checks, Secrets secrets) {
        if (secrets.isEmpty()) {
            return checks;
        }
        Map<String, Long> masked = new TreeMap<>();
        checks.forEach((name, n) -> masked.merge(secrets.mask(name), n, Long::sum));
        return masked;
    }

    private static RequestStats stats(String name, RequestRecorder recorder, Histogram latency, Histogram service,
                                      Histogram failed, double seconds, Secrets secrets, PhaseTimes phases) {
        return new RequestStats(name, recorder.ok(), recorder.failed(), recorder.dropped(), seconds, latency.copy(),
                service.copy(), recorder.statusCounts(), masked(recorder.errorCounts(), secrets),
                recorder.bytesReceived(), recorder.bytesSent(), maskedKeys(recorder.checkFailures(), secrets),
                failed == null ? null : failed.copy(), maskedKeys(recorder.checksNotJudged(), secrets), recorder.http2(),
                phases);
    }

    /** Combines figures losslessly: counters add up, histograms are merged. */
    public static RequestStats merge(String name, Iterable<RequestStats> parts, double seconds) {
        Histogram latency = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        Histogram service = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        long ok = 0;
        long failed = 0;
        long dropped = 0;
        long http2 = 0;
        long received = 0;
        long sent = 0;
        Map<Integer, Long> status = new TreeMap<>();
        Map<ErrorKind, RequestStats.ErrorCount> errors = new EnumMap<>(ErrorKind.class);
        Map<String, Long> checks = new LinkedHashMap<>();
        Map<String, Long> notJudged = new LinkedHashMap<>();
        Histogram failedLatency = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        boolean failedKept = true;
        List<PhaseTimes> phases = new ArrayList<>();
        for (RequestStats part : parts) {
            phases.add(part.phases());
            if (part.failedLatencyMicros() == null) {
                failedKept = false;
            } else {
                failedLatency.add(part.failedLatencyMicros());
            }
            part.checkFailures().forEach((check, n) -> checks.merge(check, n, Long::sum));
            part.checksNotJudged().forEach((check, n) -> notJudged.merge(check, n, Long::sum));
            latency.add(part.latencyMicros());
            service.add(part.serviceTimeMicros());
            ok += part.ok();
            failed += part.failed();
            dropped += part.dropped();
            http2 += part.http2Responses();
            received += part.bytesReceived();
            sent += part.bytesSent();
            part.statusCounts().forEach((code, n) -> status.merge(code, n, Long::sum));
            part.errorCounts().forEach((kind, count) -> errors.merge(kind, count, (a, b) ->
                    new RequestStats.ErrorCount(a.count() + b.count(),
                            a.firstMessage() != null ? a.firstMessage() : b.firstMessage())));
        }
        return new RequestStats(name, ok, failed, dropped, seconds, latency, service, status, errors, received, sent,
                checks, failedKept ? failedLatency : null, notJudged, http2, PhaseTimes.merge(phases));
    }

    /** Whole-flow figures: each flow's iterations, from its start to its last step's end. */
    public static Map<String, RequestStats> flows(MetricsRegistry registry, double seconds) {
        Map<String, RequestStats> flows = new LinkedHashMap<>();
        for (RequestRecorder recorder : registry.flowRecorders()) {
            Histogram failed = recorder.intervalFailedLatency();
            Histogram latency = recorder.intervalLatency();
            Histogram service = recorder.intervalServiceTime();
            flows.put(recorder.name(), stats(recorder.name(), recorder, latency, service, failed, seconds,
                    registry.secrets(), PhaseTimes.none()));
        }
        return flows;
    }
}
