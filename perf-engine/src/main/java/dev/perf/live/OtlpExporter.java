package dev.perf.live;

import dev.perf.monitor.ResourceSample;
import dev.perf.scenario.ResourceMetric;
import dev.perf.scenario.Scope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import dev.perf.scenario.Printable;

import java.net.URI;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pushes the latest {@link LiveFigures} to an OpenTelemetry collector over OTLP/HTTP (protobuf), with the
 * OpenTelemetry SDK: observable instruments read the figures when the SDK's periodic reader collects, so nothing is
 * counted per request for it. Counters are cumulative; latency goes as the run's own percentiles (gauges), since the
 * API has no observable histogram. Closing it pushes the final figures once more.
 */
public final class OtlpExporter implements Consumer<LiveFigures> {
    private static final AttributeKey<String> SCENARIO = AttributeKey.stringKey("scenario");
    private static final AttributeKey<String> REQUEST = AttributeKey.stringKey("request");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    private static final AttributeKey<String> QUANTILE = AttributeKey.stringKey("quantile");
    private static final AttributeKey<String> THRESHOLD = AttributeKey.stringKey("threshold");
    private static final AttributeKey<String> STATE = AttributeKey.stringKey("state");
    private static final AttributeKey<String> SCOPE = AttributeKey.stringKey("scope");

    /** The SDK's exporters log each failed push; they are counted here and reported once instead. */
    private static final Logger SDK_EXPORT_LOG = Logger.getLogger("io.opentelemetry");

    private final SdkMeterProvider provider;
    private final String endpoint;
    private final CountingExporter exporter;
    private final Level sdkLogLevel;
    private volatile LiveFigures figures;

    private OtlpExporter(String endpoint, Duration interval) {
        this.endpoint = endpoint;
        sdkLogLevel = SDK_EXPORT_LOG.getLevel();
        SDK_EXPORT_LOG.setLevel(Level.OFF);
        exporter = new CountingExporter(OtlpHttpMetricExporter.builder().setEndpoint(endpoint)
                .setTimeout(Duration.ofSeconds(10)).build());
        provider = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), "perf"))))
                .registerMetricReader(PeriodicMetricReader.builder(exporter).setInterval(interval).build())
                .build();
        instruments(provider.get("dev.perf"));
    }

    /**
     * Starts pushing every {@code interval}.
     *
     * @param endpoint an http(s) URL: the collector's base ({@code http://127.0.0.1:4318}, then
     *                 {@code /v1/metrics} is added) or the whole metrics URL
     */
    public static OtlpExporter start(String endpoint, Duration interval) {
        return new OtlpExporter(metricsUrl(endpoint), interval);
    }

    /** The URL metrics go to: the base's {@code /v1/metrics} when only a base is given, as OTLP/HTTP defines. */
    static String metricsUrl(String endpoint) {
        URI uri = URI.create(endpoint.trim());
        String path = uri.getPath();
        return path == null || path.isEmpty() || path.equals("/")
                ? endpoint.trim().replaceAll("/+$", "") + "/v1/metrics" : endpoint.trim();
    }

    @Override
    public void accept(LiveFigures latest) {
        figures = latest;
    }

    /** Where it pushes, for the console: without a query, which may hold a key. */
    public String url() {
        int query = endpoint.indexOf('?');
        return query < 0 ? endpoint : endpoint.substring(0, query);
    }

    /** Pushes the latest figures now, waiting at most 10 s. */
    public void flush() {
        provider.forceFlush().join(10, TimeUnit.SECONDS);
    }

    /**
     * Pushes the final figures and stops.
     *
     * @return what went wrong with the pushes, for the console, or {@code null} when every one went through
     */
    public String close() {
        flush();
        provider.shutdown().join(10, TimeUnit.SECONDS);
        SDK_EXPORT_LOG.setLevel(sdkLogLevel);
        long failed = exporter.failures.get();
        return failed == 0 ? null : failed + " of " + exporter.exports.get() + " pushes of live figures to " + url()
                + " failed" + (exporter.lastFailure == null ? "" : " (last: " + exporter.lastFailure + ")")
                + "; is the collector listening there, for OTLP over HTTP?";
    }

    /** The OTLP exporter, counting its pushes and failures. */
    private static final class CountingExporter implements MetricExporter {
        private final MetricExporter delegate;
        private final AtomicLong exports = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private volatile String lastFailure;

        CountingExporter(MetricExporter delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            exports.incrementAndGet();
            CompletableResultCode result = delegate.export(metrics);
            result.whenComplete(() -> {
                if (!result.isSuccess()) {
                    failures.incrementAndGet();
                    Throwable why = result.getFailureThrowable();
                    lastFailure = why == null ? null : Printable.escape(String.valueOf(why.getMessage()));
                }
            });
            return result;
        }

        @Override
        public CompletableResultCode flush() {
            return delegate.flush();
        }

        @Override
        public CompletableResultCode shutdown() {
            return delegate.shutdown();
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType type) {
            return delegate.getAggregationTemporality(type);
        }
    }

    private void instruments(Meter meter) {
        meter.counterBuilder("perf.requests").setUnit("{request}")
                .setDescription("Requests completed (responses and transport failures), by request")
                .buildWithCallback(m -> each(f -> f.requests().forEach(r -> m.record(r.completed(),
                        request(f, r)))));
        meter.counterBuilder("perf.request.failures").setUnit("{request}")
                .setDescription("Failed requests by request and kind")
                .buildWithCallback(m -> each(f -> f.requests().forEach(r -> r.errors().forEach((kind, count) ->
                        m.record(count, request(f, r).toBuilder().put(KIND, kind).build())))));
        meter.counterBuilder("perf.requests.dropped").setUnit("{request}")
                .setDescription("Open-model arrivals not sent")
                .buildWithCallback(m -> each(f -> f.requests().forEach(r -> m.record(r.dropped(), request(f, r)))));
        meter.counterBuilder("perf.late_sends").setUnit("{request}")
                .setDescription("Open-model sends more than 1 ms behind schedule")
                .buildWithCallback(m -> each(f -> m.record(f.lateSends(), scenario(f))));
        meter.gaugeBuilder("perf.request.latency").setUnit("s")
                .setDescription("Latency from the intended send time, the run's own p50, p95 and p99 so far")
                .buildWithCallback(m -> each(f -> f.requests().forEach(r -> r.percentilesSeconds().forEach(
                        (quantile, seconds) -> m.record(seconds, request(f, r).toBuilder().put(QUANTILE, quantile)
                                .build())))));
        meter.gaugeBuilder("perf.requests.in_flight").ofLongs().setUnit("{request}")
                .setDescription("Open-model requests sent or waiting, not completed")
                .buildWithCallback(m -> each(f -> m.record(f.requestsInFlight(), scenario(f))));
        meter.gaugeBuilder("perf.virtual_users").ofLongs().setUnit("{user}")
                .setDescription("Closed-model virtual users running")
                .buildWithCallback(m -> each(f -> m.record(f.virtualUsers(), scenario(f))));
        meter.gaugeBuilder("perf.stage").ofLongs()
                .setDescription("The stage running (1-based); 0 before the first and after the last")
                .buildWithCallback(m -> each(f -> m.record(f.stage(), scenario(f))));
        meter.gaugeBuilder("perf.threshold").ofLongs()
                .setDescription("Each threshold on the figures so far: 1 for its state (passing, failing, pending)")
                .buildWithCallback(m -> each(f -> f.thresholds().forEach(t -> m.record(1, scenario(f).toBuilder()
                        .put(THRESHOLD, t.expression()).put(STATE, t.state().key()).build()))));
        for (ResourceMetric metric : ResourceMetric.values()) {
            meter.gaugeBuilder("perf.resource." + metric.key().replace('-', '_')).setUnit(unit(metric))
                    .setDescription("The monitor's latest " + metric.key() + " sample")
                    .buildWithCallback(m -> each(f -> {
                        ResourceSample sample = f.resources();
                        for (Scope scope : Scope.values()) {
                            double value = sample == null || !metric.appliesTo(scope) ? Double.NaN
                                    : sample.value(scope, metric);
                            if (!Double.isNaN(value)) {
                                m.record(value, scenario(f).toBuilder().put(SCOPE, scope.key()).build());
                            }
                        }
                    }));
        }
    }

    private void each(Consumer<LiveFigures> action) {
        LiveFigures f = figures;
        if (f != null) {
            action.accept(f);
        }
    }

    private static Attributes scenario(LiveFigures f) {
        return Attributes.of(SCENARIO, f.scenario());
    }

    private static Attributes request(LiveFigures f, LiveFigures.RequestFigures r) {
        return Attributes.of(SCENARIO, f.scenario(), REQUEST, r.name());
    }

    private static String unit(ResourceMetric metric) {
        return switch (metric.kind()) {
            case PERCENT -> "%";
            case BYTES -> "By";
            case BYTES_PER_SECOND -> "By/s";
            case COUNT, NUMBER -> "1";
        };
    }
}
