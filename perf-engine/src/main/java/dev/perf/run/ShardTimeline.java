package dev.perf.run;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.RequestRecorder;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.ThresholdWindows;
import dev.perf.result.TimePoint;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shards' intervals on one clock. Each shard's latency.hlog has every interval's histogram per request with its
 * absolute start and end; its summary.json has the same intervals' failures, statuses and errors, in the same order.
 * An interval goes to the merged interval whose end is nearest its own (intervals of {@code intervalMillis} from the
 * earliest shard's start), where the histograms are added and the counters summed: totals are exact, and a point in
 * time is off by less than one interval.
 */
final class ShardTimeline {
    private final long startMillis;
    private final long intervalMillis;
    private final long endMillis;
    private final List<String> names;
    private final TreeMap<Integer, Bucket> buckets;

    /** One merged interval: per request (and {@link RequestStats#ALL}) the latencies and failures, and all statuses. */
    private static final class Bucket {
        final Map<String, Histogram> latency = new LinkedHashMap<>();
        final Map<String, Long> failed = new LinkedHashMap<>();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<String, Long> errors = new LinkedHashMap<>();
    }

    private ShardTimeline(long startMillis, long intervalMillis, long endMillis, List<String> names,
                          TreeMap<Integer, Bucket> buckets) {
        this.startMillis = startMillis;
        this.intervalMillis = intervalMillis;
        this.endMillis = endMillis;
        this.names = names;
        this.buckets = buckets;
    }

    /** One interval of one shard's log: its request ({@code null} for all) and histogram. */
    private record Entry(String tag, Histogram histogram) {
    }

    /**
     * @param windows gets every merged interval, for thresholds judged on part of the run
     * @throws PerfSetupException when a shard's log cannot be read or does not match its summary.json
     */
    static ShardTimeline of(List<ShardResults.Shard> shards, List<String> names, long intervalMillis,
                            ThresholdWindows windows) {
        List<List<Entry>> logs = new ArrayList<>();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (ShardResults.Shard shard : shards) {
            List<Entry> entries = read(shard);
            logs.add(entries);
            for (Entry e : entries) {
                start = Math.min(start, e.histogram().getStartTimeStamp());
                end = Math.max(end, e.histogram().getEndTimeStamp());
            }
        }
        TreeMap<Integer, Bucket> buckets = new TreeMap<>();
        if (start == Long.MAX_VALUE) {
            return new ShardTimeline(0, intervalMillis, 0, names, buckets);
        }
        for (int i = 0; i < shards.size(); i++) {
            add(shards.get(i), logs.get(i), start, intervalMillis, buckets);
        }
        ShardTimeline timeline = new ShardTimeline(start, intervalMillis, end, names, buckets);
        timeline.feed(windows);
        return timeline;
    }

    private static void add(ShardResults.Shard shard, List<Entry> entries, long start, long intervalMillis,
                            TreeMap<Integer, Bucket> buckets) {
        Map<String, List<TimePoint>> series = shard.result().timeSeries();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Entry entry : entries) {
            String name = entry.tag() == null ? RequestStats.ALL : entry.tag();
            int n = seen.merge(name, 1, Integer::sum) - 1;
            List<TimePoint> points = series == null ? null : series.get(name);
            if (points == null || n >= points.size()) {
                throw new PerfSetupException(shard.label() + ": latency.hlog has more intervals of " + name + " than "
                        + "its summary.json (" + (points == null ? 0 : points.size()) + "); the two files are not of the "
                        + "same run: download the shard's results again");
            }
            TimePoint point = points.get(n);
            long endMillis = entry.histogram().getEndTimeStamp();
            // a shard's intervals end a few milliseconds either side of each whole interval from its start: the nearest
            // merged interval is its own (rounding up would move most of them one interval late)
            int index = (int) Math.max(1, Math.round((endMillis - start) / (double) intervalMillis));
            Bucket bucket = buckets.computeIfAbsent(index, k -> new Bucket());
            bucket.latency.computeIfAbsent(name, k -> new Histogram(RequestRecorder.SIGNIFICANT_DIGITS))
                    .add(entry.histogram());
            bucket.failed.merge(name, point.failed(), Long::sum);
            if (entry.tag() == null) {
                if (point.statuses() != null) {
                    point.statuses().forEach((code, c) -> bucket.statuses.merge(Integer.parseInt(code), c, Long::sum));
                }
                if (point.errors() != null) {
                    point.errors().forEach((kind, c) -> bucket.errors.merge(kind, c, Long::sum));
                }
            }
        }
    }

    private static List<Entry> read(ShardResults.Shard shard) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(shard.hlog());
             HistogramLogReader reader = new HistogramLogReader(in)) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (!(h instanceof Histogram histogram)) {
                    throw new PerfSetupException(shard.label() + ": latency.hlog holds a kind of histogram perf does "
                            + "not write; is it the shard's own?");
                }
                entries.add(new Entry(h.getTag(), histogram));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PerfSetupException setup) {
                throw setup;
            }
            throw new PerfSetupException(shard.label() + ": cannot read latency.hlog (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); download the shard's results again");
        }
        return entries;
    }

    /** How many merged intervals: the last one ends at the latest shard's end. */
    private int count() {
        return buckets.isEmpty() ? 0 : buckets.lastKey();
    }

    private double endSeconds(int index) {
        return index == count() ? (endMillis - startMillis) / 1000.0 : index * intervalMillis / 1000.0;
    }

    private double seconds(int index) {
        return endSeconds(index) - (index - 1) * intervalMillis / 1000.0;
    }

    private Histogram latency(Bucket bucket, String name) {
        Histogram h = bucket == null ? null : bucket.latency.get(name);
        return h != null ? h : new Histogram(RequestRecorder.SIGNIFICANT_DIGITS);
    }

    private static long failed(Bucket bucket, String name) {
        return bucket == null ? 0 : bucket.failed.getOrDefault(name, 0L);
    }

    private void feed(ThresholdWindows windows) {
        if (windows.isEmpty()) {
            return;
        }
        for (int i = 1; i <= count(); i++) {
            Bucket bucket = buckets.get(i);
            for (String name : names) {
                windows.accept(name, endSeconds(i), seconds(i), latency(bucket, name), failed(bucket, name));
            }
            windows.accept(RequestStats.ALL, endSeconds(i), seconds(i), latency(bucket, RequestStats.ALL),
                    failed(bucket, RequestStats.ALL));
        }
    }

    /** The merged run's time series: all requests first, then each request, one point per merged interval. */
    Map<String, List<IntervalPoint>> series() {
        Map<String, List<IntervalPoint>> series = new LinkedHashMap<>();
        series.put(RequestStats.ALL, new ArrayList<>());
        names.forEach(n -> series.put(n, new ArrayList<>()));
        for (int i = 1; i <= count(); i++) {
            Bucket bucket = buckets.get(i);
            for (Map.Entry<String, List<IntervalPoint>> e : series.entrySet()) {
                boolean all = e.getKey().equals(RequestStats.ALL);
                e.getValue().add(IntervalPoint.of(endSeconds(i), seconds(i), latency(bucket, e.getKey()),
                        failed(bucket, e.getKey()), all && bucket != null ? bucket.statuses : Map.of(),
                        all && bucket != null ? bucket.errors : Map.of()));
            }
        }
        return series;
    }

    /** Writes the merged intervals as a run's latency.hlog: tagged per request, untagged for all. */
    void write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(print);
            writer.outputComment("perf latency log, merged from shards: values in microseconds from the intended send "
                    + "time; tag = request name, untagged = all requests");
            writer.outputLogFormatVersion();
            writer.setBaseTime(startMillis);
            writer.outputStartTime(startMillis);
            writer.outputBaseTime(startMillis);
            writer.outputLegend();
            for (int i = 1; i <= count(); i++) {
                Bucket bucket = buckets.get(i);
                long from = startMillis + (i - 1) * intervalMillis;
                long to = startMillis + Math.round(endSeconds(i) * 1000);
                for (String name : names) {
                    output(writer, latency(bucket, name), name, from, to);
                }
                output(writer, latency(bucket, RequestStats.ALL), null, from, to);
            }
            print.flush();
        }
    }

    private static void output(HistogramLogWriter writer, Histogram h, String tag, long from, long to) {
        Histogram copy = h.copy();
        copy.setStartTimeStamp(from);
        copy.setEndTimeStamp(to);
        copy.setTag(tag);
        writer.outputIntervalHistogram(copy);
    }
}
