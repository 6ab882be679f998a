package dev.perf.live;

import dev.perf.monitor.ResourceSample;
import dev.perf.scenario.ResourceMetric;
import dev.perf.scenario.Scope;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the latest {@link LiveFigures} into the Prometheus client's snapshots when a scraper asks: nothing is
 * counted per request for it. The names are the reference's ({@code docs/reference/live-metrics.md}); every series
 * carries the scenario's name.
 */
final class PerfCollector implements MultiCollector {
    private volatile LiveFigures figures;
    /** Scrapes so far, and the count when the latest figures were published. */
    private final java.util.concurrent.atomic.AtomicLong scrapes = new java.util.concurrent.atomic.AtomicLong();
    private volatile long scrapesAtPublish;

    void publish(LiveFigures latest) {
        scrapesAtPublish = scrapes.get();
        figures = latest;
    }

    /** Whether anyone has scraped at all. */
    boolean scraped() {
        return scrapes.get() > 0;
    }

    /** Whether someone has scraped since the latest figures were published. */
    boolean scrapedSincePublish() {
        return scrapes.get() > scrapesAtPublish;
    }

    @Override
    public MetricSnapshots collect() {
        scrapes.incrementAndGet();
        LiveFigures f = figures;
        if (f == null) {
            return MetricSnapshots.of();
        }
        List<MetricSnapshot> all = new ArrayList<>();
        Labels scenario = Labels.of("scenario", f.scenario());
        CounterSnapshot.Builder requests = CounterSnapshot.builder().name("perf_requests")
                .help("Requests completed (responses and transport failures), by request");
        CounterSnapshot.Builder failures = CounterSnapshot.builder().name("perf_request_failures")
                .help("Failed requests by request and kind (status, timeout, connect, check...)");
        CounterSnapshot.Builder dropped = CounterSnapshot.builder().name("perf_requests_dropped")
                .help("Open-model arrivals not sent because maxInFlight were at the target and a second's worth "
                        + "waited");
        HistogramSnapshot.Builder latency = HistogramSnapshot.builder().name("perf_request_latency_seconds")
                .unit(Unit.SECONDS).help("Latency from the intended send time (free of coordinated omission)");
        for (LiveFigures.RequestFigures r : f.requests()) {
            Labels labels = scenario.add("request", r.name());
            requests.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(r.completed()).build());
            dropped.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels)
                    .value(r.dropped()).build());
            r.errors().forEach((kind, count) -> failures.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(labels.add("kind", kind)).value(count).build()));
            latency.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder().labels(labels)
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(LatencyBuckets.UPPER_BOUNDS_SECONDS,
                            r.bucketCounts()))
                    .sum(r.latencySeconds()).build());
        }
        all.add(requests.build());
        all.add(failures.build());
        all.add(dropped.build());
        all.add(latency.build());
        all.add(counter("perf_late_sends", "Open-model sends more than 1 ms behind schedule", scenario,
                f.lateSends()));
        all.add(gauge("perf_requests_in_flight", "Open-model requests sent or waiting to be sent, not completed",
                scenario, f.requestsInFlight()));
        all.add(gauge("perf_virtual_users", "Closed-model virtual users running", scenario, f.virtualUsers()));
        all.add(gauge("perf_stage", "The stage running (1-based); 0 before the first and after the last", scenario,
                f.stage()));
        if (f.level() != null) {
            all.add(gauge("perf_level", "The level of a stepped test running (1-based)", scenario, f.level()));
        }
        if (f.stageDescription() != null) {
            all.add(InfoSnapshot.builder().name("perf_stage_description").help("What the stage running does").dataPoint(
                    InfoSnapshot.InfoDataPointSnapshot.builder().labels(scenario.add("stage",
                            Integer.toString(f.stage())).add("description", f.stageDescription())).build()).build());
        }
        if (!f.thresholds().isEmpty()) {
            StateSetSnapshot.Builder states = StateSetSnapshot.builder().name("perf_threshold")
                    .help("Each threshold on the figures so far: passing, failing, or pending (not measurable yet)");
            for (LiveFigures.ThresholdState t : f.thresholds()) {
                StateSetSnapshot.StateSetDataPointSnapshot.Builder point = StateSetSnapshot.StateSetDataPointSnapshot
                        .builder().labels(scenario.add("threshold", t.expression()));
                for (LiveFigures.State state : LiveFigures.State.values()) {
                    point.state(state.key(), state == t.state());
                }
                states.dataPoint(point.build());
            }
            all.add(states.build());
        }
        resources(f.resources(), scenario, all);
        return new MetricSnapshots(all);
    }

    /** One gauge per resource figure the monitor measured, labelled by scope (machine, generator, target). */
    private static void resources(ResourceSample sample, Labels scenario, List<MetricSnapshot> all) {
        if (sample == null) {
            return;
        }
        for (ResourceMetric metric : ResourceMetric.values()) {
            GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(resourceName(metric))
                    .help("The monitor's latest " + metric.key() + " sample" + resourceUnit(metric));
            boolean any = false;
            for (Scope scope : Scope.values()) {
                double value = metric.appliesTo(scope) ? sample.value(scope, metric) : Double.NaN;
                if (!Double.isNaN(value)) {
                    any = true;
                    gauge.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                            .labels(scenario.add("scope", scope.key())).value(value).build());
                }
            }
            if (any) {
                all.add(gauge.build());
            }
        }
    }

    /** {@code perf_resource_cpu_percent}, {@code perf_resource_memory_bytes}, {@code perf_resource_threads}. */
    static String resourceName(ResourceMetric metric) {
        String base = "perf_resource_" + metric.key().replace('-', '_');
        String suffix = switch (metric.kind()) {
            case PERCENT -> "_percent";
            case BYTES -> "_bytes";
            case BYTES_PER_SECOND -> "_bytes_per_second";
            case COUNT, NUMBER -> "";
        };
        return base.endsWith(suffix) ? base : base + suffix;
    }

    private static String resourceUnit(ResourceMetric metric) {
        return switch (metric.kind()) {
            case PERCENT -> metric == ResourceMetric.CPU
                    ? " (machine: % of all its CPUs; a process: % of one core)" : " (%)";
            case BYTES -> " (bytes)";
            case BYTES_PER_SECOND -> " (bytes per second)";
            case COUNT, NUMBER -> "";
        };
    }

    private static CounterSnapshot counter(String name, String help, Labels labels, double value) {
        return CounterSnapshot.builder().name(name).help(help).dataPoint(CounterSnapshot.CounterDataPointSnapshot
                .builder().labels(labels).value(value).build()).build();
    }

    private static GaugeSnapshot gauge(String name, String help, Labels labels, double value) {
        return GaugeSnapshot.builder().name(name).help(help).dataPoint(GaugeSnapshot.GaugeDataPointSnapshot
                .builder().labels(labels).value(value).build()).build();
    }
}
