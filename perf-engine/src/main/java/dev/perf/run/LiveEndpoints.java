package dev.perf.run;

import dev.perf.live.PrometheusEndpoint;
import dev.perf.scenario.LiveSpec;
import dev.perf.scenario.Scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live endpoints of one invocation, one per address the selected scenarios ask for, all opened before anything
 * is sent (a port that is taken stops the invocation there, as a setup problem) and closed when it ends: each run's
 * final figures stay readable until the next run or the end.
 */
final class LiveEndpoints implements AutoCloseable {
    private final Map<String, PrometheusEndpoint> byAddress = new LinkedHashMap<>();

    private LiveEndpoints() {
    }

    static LiveEndpoints open(List<Scenario> scenarios, Console console) {
        LiveEndpoints endpoints = new LiveEndpoints();
        try {
            for (Scenario scenario : scenarios) {
                LiveSpec live = scenario.live();
                if (live.serves() && !endpoints.byAddress.containsKey(key(live))) {
                    PrometheusEndpoint endpoint = PrometheusEndpoint.start(live.hostOrLoopback(), live.port());
                    endpoints.byAddress.put(key(live), endpoint);
                    console.info("Live metrics (OpenMetrics) at " + endpoint.url()
                            + (LiveSpec.LOOPBACK.equals(live.hostOrLoopback()) ? "" : " (readable from other machines)"));
                }
            }
        } catch (IllegalArgumentException e) {
            endpoints.close();
            throw new PerfSetupException(e.getMessage() + "; nothing was sent");
        }
        return endpoints;
    }

    /** The endpoint a scenario's figures go to, or {@code null} when it asks for none. */
    PrometheusEndpoint of(Scenario scenario) {
        return scenario.live().serves() ? byAddress.get(key(scenario.live())) : null;
    }

    private static String key(LiveSpec live) {
        return live.hostOrLoopback() + " " + live.port();
    }

    /**
     * Before the endpoints close: where a scraper has been reading, waits until it has read the final figures, at
     * most {@link #LAST_SCRAPE_WAIT} (Prometheus scrapes every 15 s by default). Nobody scraping, nothing to wait for.
     */
    void awaitLastScrapes(Console console) {
        for (PrometheusEndpoint endpoint : byAddress.values()) {
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

    /** The longest wait for a last scrape. */
    static final java.time.Duration LAST_SCRAPE_WAIT = java.time.Duration.ofSeconds(30);

    @Override
    public void close() {
        byAddress.values().forEach(PrometheusEndpoint::close);
        byAddress.clear();
    }
}
