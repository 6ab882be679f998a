package dev.perf.run;

import dev.perf.live.LiveFigures;
import dev.perf.live.OtlpExporter;
import dev.perf.live.PrometheusEndpoint;
import dev.perf.scenario.LiveSpec;
import dev.perf.scenario.Scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The live figures of one invocation: an OpenMetrics endpoint per address the selected scenarios ask for, and an OTLP
 * push per collector. The endpoints open before anything is sent (a port that is taken stops the invocation there, as
 * a setup problem); everything stays until the invocation ends, so that each run's final figures are read (a last
 * scrape) and pushed (a last push).
 */
final class LiveEndpoints implements AutoCloseable {
    /** The longest wait for a last scrape. */
    static final Duration LAST_SCRAPE_WAIT = Duration.ofSeconds(30);

    private final Map<String, PrometheusEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<String, OtlpExporter> pushes = new LinkedHashMap<>();
    private final Console console;

    private LiveEndpoints(Console console) {
        this.console = console;
    }

    static LiveEndpoints open(List<Scenario> scenarios, Console console) {
        LiveEndpoints live = new LiveEndpoints(console);
        try {
            for (Scenario scenario : scenarios) {
                LiveSpec spec = scenario.live();
                if (spec.serves() && !live.endpoints.containsKey(endpointKey(spec))) {
                    PrometheusEndpoint endpoint = PrometheusEndpoint.start(spec.hostOrLoopback(), spec.port());
                    live.endpoints.put(endpointKey(spec), endpoint);
                    console.info("Live metrics (OpenMetrics) at " + endpoint.url()
                            + (LiveSpec.LOOPBACK.equals(spec.hostOrLoopback()) ? "" : " (readable from other machines)"));
                }
                if (spec.pushes() && !live.pushes.containsKey(pushKey(spec))) {
                    OtlpExporter push = OtlpExporter.start(spec.otlp(), spec.otlpIntervalOrDefault());
                    live.pushes.put(pushKey(spec), push);
                    console.info("Live metrics pushed over OTLP to " + push.url() + " every "
                            + spec.otlpIntervalOrDefault().toSeconds() + " s");
                }
            }
        } catch (IllegalArgumentException e) {
            live.close();
            throw new PerfSetupException(e.getMessage() + "; nothing was sent");
        }
        return live;
    }

    /** Where a scenario's figures go, or {@code null} when it asks for no live figures. */
    Consumer<LiveFigures> of(Scenario scenario) {
        List<Consumer<LiveFigures>> to = new ArrayList<>();
        LiveSpec spec = scenario.live();
        if (spec.serves()) {
            to.add(endpoints.get(endpointKey(spec)));
        }
        if (spec.pushes()) {
            to.add(pushes.get(pushKey(spec)));
        }
        return to.isEmpty() ? null : figures -> to.forEach(c -> c.accept(figures));
    }

    /**
     * Before the endpoints close: where a scraper has been reading, waits until it has read the final figures, at
     * most {@link #LAST_SCRAPE_WAIT} (Prometheus scrapes every 15 s by default). Nobody scraping, nothing to wait for.
     */
    void awaitLastScrapes() {
        for (PrometheusEndpoint endpoint : endpoints.values()) {
            try {
                if (endpoint.scraped() && !endpoint.awaitScrape(LAST_SCRAPE_WAIT)) {
                    console.warn("nobody scraped the final figures at " + endpoint.url() + " within "
                            + LAST_SCRAPE_WAIT.toSeconds() + " s; the result files have them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String endpointKey(LiveSpec spec) {
        return spec.hostOrLoopback() + " " + spec.port();
    }

    private static String pushKey(LiveSpec spec) {
        return spec.otlp() + " " + spec.otlpIntervalOrDefault();
    }

    /** Pushes the final figures, closes everything, and says which pushes failed. */
    @Override
    public void close() {
        for (OtlpExporter push : pushes.values()) {
            String problem = push.close();
            if (problem != null) {
                console.warn(problem);
            }
        }
        pushes.clear();
        endpoints.values().forEach(PrometheusEndpoint::close);
        endpoints.clear();
    }
}
