package dev.perf.metrics;

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
     * @param stageDescriptions one per stage
     * @param stageSeconds      how long each stage offered load
     */
    public static RunMetrics build(MetricsRegistry registry, IntervalSampler sampler, List<String> stageDescriptions,
                                   double[] stageSeconds) {
        List<String> names = registry.requestNames();
        List<StageMetrics> stages = new ArrayList<>();
        double totalSeconds = 0;
        for (int s = 0; s < registry.stageCount(); s++) {
            totalSeconds += stageSeconds[s];
            Map<String, RequestStats> byRequest = new LinkedHashMap<>();
            for (int r = 0; r < names.size(); r++) {
                byRequest.put(names.get(r), stats(names.get(r), registry.recorder(s, r), sampler.latencyTotal(s, r),
                        sampler.serviceTotal(s, r), stageSeconds[s]));
            }
            stages.add(new StageMetrics(s, stageDescriptions.get(s), stageSeconds[s],
                    merge(RequestStats.ALL, byRequest.values(), stageSeconds[s]), byRequest));
        }
        Map<String, RequestStats> byRequest = new LinkedHashMap<>();
        for (String name : names) {
            List<RequestStats> perStage = stages.stream().map(st -> st.byRequest().get(name)).toList();
            byRequest.put(name, merge(name, perStage, totalSeconds));
        }
        RequestStats overall = merge(RequestStats.ALL, byRequest.values(), totalSeconds);
        SendLag lag = registry.sendLag();
        return new RunMetrics(totalSeconds, overall, byRequest, stages, sampler.series(),
                registry.connectionsOpened(), registry.connectionsReused(), lag.lateSends(),
                lag.p99Millis(), lag.maxMillis());
    }

    private static RequestStats stats(String name, RequestRecorder recorder, Histogram latency, Histogram service,
                                      double seconds) {
        return new RequestStats(name, recorder.ok(), recorder.failed(), recorder.dropped(), seconds, latency.copy(),
                service.copy(), recorder.statusCounts(), recorder.errorCounts(), recorder.bytesReceived(),
                recorder.bytesSent());
    }

    /** Combines figures losslessly: counters add up, histograms are merged. */
    public static RequestStats merge(String name, Iterable<RequestStats> parts, double seconds) {
        Histogram latency = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        Histogram service = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        long ok = 0;
        long failed = 0;
        long dropped = 0;
        long received = 0;
        long sent = 0;
        Map<Integer, Long> status = new TreeMap<>();
        Map<ErrorKind, RequestStats.ErrorCount> errors = new EnumMap<>(ErrorKind.class);
        for (RequestStats part : parts) {
            latency.add(part.latencyMicros());
            service.add(part.serviceTimeMicros());
            ok += part.ok();
            failed += part.failed();
            dropped += part.dropped();
            received += part.bytesReceived();
            sent += part.bytesSent();
            part.statusCounts().forEach((code, n) -> status.merge(code, n, Long::sum));
            part.errorCounts().forEach((kind, count) -> errors.merge(kind, count, (a, b) ->
                    new RequestStats.ErrorCount(a.count() + b.count(),
                            a.firstMessage() != null ? a.firstMessage() : b.firstMessage())));
        }
        return new RequestStats(name, ok, failed, dropped, seconds, latency, service, status, errors, received, sent);
    }
}
