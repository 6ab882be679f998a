package dev.perf.live;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Consumer;

/**
 * An OpenMetrics (Prometheus) endpoint, {@code http://host:port/metrics}, served by the Prometheus Java client's
 * HTTP server from the latest {@link LiveFigures} (through {@link PerfCollector}). It lives for a whole invocation,
 * so that a scraper sees each run's final figures until the next run starts.
 */
public final class PrometheusEndpoint implements Consumer<LiveFigures>, AutoCloseable {
    private final HTTPServer server;
    private final PerfCollector collector;
    private final String host;

    private PrometheusEndpoint(HTTPServer server, PerfCollector collector, String host) {
        this.server = server;
        this.collector = collector;
        this.host = host;
    }

    /**
     * Starts listening.
     *
     * @param port 0 for any free port
     * @throws IllegalArgumentException when it cannot listen there, saying why
     */
    public static PrometheusEndpoint start(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot serve live metrics on " + host + ":" + port + ": no such host; "
                    + "give an address of this machine, e.g. 127.0.0.1 (the default) or 0.0.0.0 (every interface)");
        }
        PerfCollector collector = new PerfCollector();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(collector);
        try {
            return new PrometheusEndpoint(HTTPServer.builder().inetAddress(address).port(port).registry(registry)
                    .buildAndStart(), collector, host);
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot serve live metrics on " + host + ":" + port + " ("
                    + e.getMessage() + "): is the port taken? Choose another with -Dperf.metrics.port or live.port "
                    + "(0: any free one)");
        }
    }

    /** Serves these figures from now on. */
    @Override
    public void accept(LiveFigures figures) {
        collector.publish(figures);
    }

    /** Whether a scraper has read it at all. */
    public boolean scraped() {
        return collector.scraped();
    }

    /**
     * Waits, at most {@code longest}, until a scraper has read the latest figures, so that a run's last seconds are
     * not lost to the scrape interval.
     *
     * @return whether they were read
     */
    public boolean awaitScrape(java.time.Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        while (!collector.scrapedSincePublish()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /** Where it serves, for the console: {@code http://127.0.0.1:9464/metrics}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + server.getPort() + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }
}
