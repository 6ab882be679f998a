package dev.perf.metrics;

import org.HdrHistogram.Histogram;

import dev.perf.scenario.Threshold;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The figures of thresholds judged on part of a run: after a warm-up ({@code after: 30s}, everything from then on)
 * or over a sliding window ({@code over: 10s}, the worst window of that length). Fed on the sampler thread with each
 * interval's histogram; keeps one running total per "after" threshold and the intervals of one window per "over"
 * threshold, so memory does not grow with the run.
 */
public final class ThresholdWindows {

    /**
     * One threshold's part of the run.
     *
     * @param key           the threshold's position in the scenario
     * @param request       a request name, or {@link RequestStats#ALL}
     * @param afterSeconds  only intervals that start at or after this offset count
     * @param windowSeconds the window's length, or 0 for everything after {@code afterSeconds}
     * @param value         the threshold's figure of a window's responses ({@code null}: no data)
     * @param higherIsWorse whether a higher figure is the worse one (for {@code <} and {@code <=} limits)
     */
    public record Spec(int key, String request, double afterSeconds, double windowSeconds,
                       Function<RequestStats, Double> value, boolean higherIsWorse) {
    }

    /** What a threshold is judged on: the figures, and for a window where it ended. */
    public record Part(RequestStats stats, double endSeconds) {
    }

    private record Interval(double endSeconds, double seconds, Histogram latency, long failed) {
    }

    private final List<Spec> specs;
    private final Map<Integer, Deque<Interval>> windows = new TreeMap<>();
    private final Map<Integer, Interval> totals = new TreeMap<>();
    private final Map<Integer, Part> worst = new TreeMap<>();

    public ThresholdWindows(List<Spec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** What to keep for the thresholds judged on part of the run ({@code after:}, {@code over:}), by position. */
    public static ThresholdWindows of(List<Threshold> thresholds) {
        List<Spec> specs = new ArrayList<>();
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold t = thresholds.get(i);
            if (t.partial()) {
                specs.add(new Spec(i, t.request() == null ? RequestStats.ALL : t.request(),
                        t.after() == null ? 0 : t.after().toNanos() / 1e9, t.over() == null ? 0 : t.over().toNanos() / 1e9,
                        stats -> Measures.of(t.metric(), stats), t.higherIsWorse()));
            }
        }
        return new ThresholdWindows(specs);
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }

    /** One interval of one request (or of all, as {@link RequestStats#ALL}); the histogram is copied if kept. */
    public synchronized void accept(String request, double endSeconds, double seconds, Histogram latency, long failed) {
        for (Spec spec : specs) {
            if (!spec.request().equals(request) || endSeconds - seconds < spec.afterSeconds() - 1e-6) {
                continue;
            }
            if (spec.windowSeconds() <= 0) {
                Interval total = totals.get(spec.key());
                Histogram sum = total == null ? new Histogram(RequestRecorder.SIGNIFICANT_DIGITS) : total.latency();
                sum.add(latency);
                totals.put(spec.key(), new Interval(endSeconds, (total == null ? 0 : total.seconds()) + seconds, sum,
                        (total == null ? 0 : total.failed()) + failed));
                continue;
            }
            Deque<Interval> window = windows.computeIfAbsent(spec.key(), k -> new ArrayDeque<>());
            window.addLast(new Interval(endSeconds, seconds, latency.copy(), failed));
            double span = window.stream().mapToDouble(Interval::seconds).sum();
            while (window.size() > 1 && span - window.peekFirst().seconds() >= spec.windowSeconds() - 1e-6) {
                span -= window.removeFirst().seconds();
            }
            if (span >= spec.windowSeconds() - 1e-6) {
                judge(spec, window, span, endSeconds);
            }
        }
    }

    private void judge(Spec spec, Deque<Interval> window, double span, double endSeconds) {
        Histogram merged = new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
        long failed = 0;
        for (Interval i : window) {
            merged.add(i.latency());
            failed += i.failed();
        }
        RequestStats stats = stats(spec.request(), merged, failed, span);
        Double value = spec.value().apply(stats);
        Part current = worst.get(spec.key());
        Double known = current == null ? null : spec.value().apply(current.stats());
        boolean worse = known == null || (value != null && (spec.higherIsWorse() ? value > known : value < known));
        if (current == null || worse) {
            worst.put(spec.key(), new Part(stats, endSeconds));
        }
    }

    private static RequestStats stats(String request, Histogram latency, long failed, double seconds) {
        long count = latency.getTotalCount();
        long ok = Math.max(0, count - failed);
        return new RequestStats(request, ok, count - ok, 0, seconds, latency, latency.copy(), Map.of(), Map.of(), 0, 0);
    }

    /** Each threshold's part, by key; a key is missing when no interval (or no whole window) came after its start. */
    public synchronized Map<Integer, Part> parts() {
        Map<Integer, Part> parts = new TreeMap<>(worst);
        for (Spec spec : specs) {
            Interval total = totals.get(spec.key());
            if (spec.windowSeconds() <= 0 && total != null) {
                parts.put(spec.key(), new Part(stats(spec.request(), total.latency(), total.failed(), total.seconds()),
                        total.endSeconds()));
            }
        }
        return parts;
    }
}
