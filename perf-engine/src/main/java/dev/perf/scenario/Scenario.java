package dev.perf.scenario;


import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One validated scenario file.
 *
 * @param name       scenario name (from {@code name:}, else the file name without extension)
 * @param file       the file it was loaded from, for messages
 * @param baseUrl    absolute http(s) URL every relative request path is resolved against
 * @param http       the HTTP client's options (timeouts, redirects, TLS...), from {@code defaults:}
 * @param flows      the mix: flows of steps (a request of {@code requests:} is a flow of one step), weighted
 * @param requests   every step's request, in order: the names of the metrics, unique
 * @param feeders    CSV files whose records feed variables to flow iterations
 * @param load       the stages to drive
 * @param thresholds pass/fail rules, possibly empty
 * @param monitor    what to watch while it runs
 * @param secrets    values never to show in messages and results
 * @param environment the environment of {@code environments:} that {@code -Dperf.env} chose, or {@code null}; runs
 *                   are compared only with runs in the same environment
 */
public record Scenario(String name, Path file, String baseUrl, HttpOptions http, List<Flow> flows,
                       List<RequestSpec> requests, List<FeederSpec> feeders, LoadSpec load, List<Threshold> thresholds,
                       MonitorSpec monitor, Secrets secrets, String environment, VerdictSpec verdict, LiveSpec live) {

    public Scenario {
        live = live == null ? LiveSpec.none() : live;
        flows = List.copyOf(flows);
        requests = List.copyOf(requests);
        feeders = List.copyOf(feeders);
        thresholds = List.copyOf(thresholds);
    }

    /** The requests are the flows' steps, in order. */
    public Scenario(String name, Path file, String baseUrl, HttpOptions http, List<Flow> flows, List<FeederSpec> feeders,
                    LoadSpec load, List<Threshold> thresholds, MonitorSpec monitor, Secrets secrets, String environment,
                    VerdictSpec verdict, LiveSpec live) {
        this(name, file, baseUrl, http, flows, flows.stream().flatMap(f -> f.steps().stream()).map(Step::request)
                .toList(), feeders, load, thresholds, monitor, secrets, environment, verdict, live);
    }

    /** The timeout of a whole request, from {@code defaults.timeout}. */
    public Duration timeout() {
        return http.requestTimeout();
    }

    /** The same scenario aimed at another base URL (the {@code -Dperf.baseUrl} override). */
    public Scenario withBaseUrl(String newBaseUrl) {
        return new Scenario(name, file, newBaseUrl, http, flows, requests, feeders, load, thresholds, monitor,
                secrets.with(HttpUrls.credentials(newBaseUrl)), environment, verdict, live);
    }

    /**
     * One pass through {@code flow} alone (one user, one iteration), with no threshold and nothing monitored: what a
     * dry run sends. The feeders stay, so the first record feeds it.
     */
    public Scenario onceThrough(Flow flow) {
        LoadSpec once = new LoadSpec(List.of(new UsersStage(1, null, 1)), load.maxInFlight(), null, null);
        return new Scenario(name, file, baseUrl, http, List.of(flow), feeders, once, List.of(),
                new MonitorSpec(false, monitor.interval(), false, false, null), secrets, environment, verdict,
                LiveSpec.none());
    }

    /** The same scenario with another {@code live:} (the {@code -Dperf.metrics.*} overrides). */
    public Scenario withLive(LiveSpec other) {
        return new Scenario(name, file, baseUrl, http, flows, requests, feeders, load, thresholds, monitor, secrets,
                environment, verdict, other);
    }

    /** The same scenario under another saturation policy (the {@code perf.onSaturatedGenerator} property). */
    public Scenario withSaturationPolicy(VerdictSpec.Saturation policy) {
        return new Scenario(name, file, baseUrl, http, flows, requests, feeders, load, thresholds, monitor, secrets,
                environment, verdict.withSaturation(policy), live);
    }
}
