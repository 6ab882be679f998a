package dev.perf.maven;

import dev.perf.engine.EngineOptions;
import dev.perf.run.HistoryOptions;
import dev.perf.run.PerfRunner;
import dev.perf.run.RunOptions;
import dev.perf.run.RunReport;
import dev.perf.run.ShardOptions;
import dev.perf.run.TargetCommand;
import dev.perf.scenario.Durations;
import dev.perf.scenario.HttpUrls;
import dev.perf.scenario.LiveSpec;
import dev.perf.scenario.VerdictSpec;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Runs the performance scenarios ({@code *.yaml} in {@code src/test/perf}), prints a summary per scenario,
 * writes {@code summary.json} and an HdrHistogram log per run under {@code target/perf}, and fails the build when
 * a threshold is breached. Every scenario is validated before any request is sent.
 */
@Mojo(name = "run", defaultPhase = LifecyclePhase.INTEGRATION_TEST, threadSafe = true)
public class RunMojo extends JudgingMojo {

    /** Replaces every scenario's {@code target.baseUrl}, e.g. {@code -Dperf.baseUrl=http://localhost:9090}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.baseUrl")
    private String baseUrl;

    /**
     * A service to start before the scenarios and stop after them (also when they fail), as program and
     * arguments: {@code <startCommand><arg>java</arg><arg>-jar</arg><arg>app.jar</arg></startCommand>}.
     *
     * @since 0.1.0
     */
    @Parameter
    private List<String> startCommand;

    /** With {@code startCommand}: URL polled until the service answers HTTP (any status) before load starts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.readyUrl")
    private String readyUrl;

    /** With {@code startCommand}: how long to wait for {@code readyUrl}, e.g. {@code 60s}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.readyTimeout", defaultValue = "60s")
    private String readyTimeout;

    /** Event-loop threads of the HTTP client; 0 means one per available processor.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.ioThreads", defaultValue = "0")
    private int ioThreads;

    /** A progress line every this long while a scenario runs (elapsed, stage, rate, p95, errors, in flight); 0 for
     * none. Maven's {@code -q} hides them too.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.progressInterval", defaultValue = "5s")
    private String progressInterval;

    /**
     * This generator's part of a load split across several (CI matrix jobs, a Kubernetes Indexed Job): {@code I/N}.
     * Without it, {@code PERF_SHARD}, else {@code JOB_COMPLETION_INDEX} with {@code PERF_SHARD_COUNT}; none runs the
     * whole load.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.shard")
    private String shard;

    /**
     * What ties the shards of one run together; by default the CI's run id ({@code GITHUB_RUN_ID},
     * {@code CI_PIPELINE_ID}, {@code BUILD_TAG}...).
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.runKey")
    private String runKey;

    /**
     * When every shard starts its load, the same ISO-8601 instant for all (e.g. {@code 2026-12-02T10:00:00Z}), or an
     * instant they share plus a delay (e.g. {@code $CI_PIPELINE_CREATED_AT+4m}).
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.startAt")
    private String startAt;

    /**
     * Print the first this many exchanges in full: request line, headers and body, status, headers and body (bodies up
     * to 2 KiB), connection and times, with secrets masked. 0 prints none.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.debug", defaultValue = "0")
    private int debug;

    /**
     * Send each flow and request of each scenario once, by one user, print every exchange as {@code perf.debug}
     * does, and judge, write and record nothing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Warm the engine's own code up before the load, with a server inside the generator (nothing is sent to the
     * target), until the JIT compiler is quiet or 15 s: {@code auto} before an open-model load of 1000/s or more,
     * {@code true} always, {@code false} never.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.warmup", defaultValue = "auto")
    private String warmup;

    /**
     * Serve the run's figures live as OpenMetrics at {@code http://127.0.0.1:PORT/metrics} for Prometheus (0: any
     * free port, printed); replaces each scenario's {@code live.port}. Off by default.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.metrics.port")
    private String metricsPort;

    /**
     * The address the live endpoint listens on; replaces each scenario's {@code live.host}. The default is the
     * loopback address, so that only this machine can read it; {@code 0.0.0.0} for every interface.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.metrics.host")
    private String metricsHost;

    /**
     * Push the run's figures live to an OpenTelemetry collector over OTLP/HTTP, e.g. {@code http://127.0.0.1:4318};
     * replaces each scenario's {@code live.otlp}. Off by default.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.otlp.endpoint")
    private String otlpEndpoint;

    /**
     * How often to push over OTLP (1s to 1h); replaces each scenario's {@code live.otlpInterval}. 5s by default.
     *
     * @since 0.2.0
     */
    @Parameter(property = "perf.otlp.interval")
    private String otlpInterval;

    /** The most exchanges perf.debug may print. */
    static final int MAX_DEBUG_EXCHANGES = 10_000;

    /** The most event-loop threads perf.ioThreads may ask for: each holds a selector and buffers. */
    static final int MAX_IO_THREADS = 256;

    @Override
    String goal() {
        return "run";
    }

    @Override
    RunReport perform(PerfRunner runner, HistoryOptions history, VerdictSpec.Saturation saturation)
            throws IOException, MojoFailureException {
        if (!dryRun) {
            return runner.run(options(history, saturation));
        }
        PerfRunner.DryRunReport report = runner.dryRun(options(null, saturation));
        if (!report.invalid().isEmpty()) {
            throw new MojoFailureException("invalid scenario: nothing was sent." + System.lineSeparator()
                    + report.invalid().stream().map(Exception::getMessage)
                    .collect(java.util.stream.Collectors.joining(System.lineSeparator())));
        }
        getLog().info("perf: dry run: " + report.exchanges() + " exchange(s) sent and printed; nothing was judged, "
                + "written or recorded");
        return null;
    }

    private RunOptions options(HistoryOptions historyOptions, VerdictSpec.Saturation saturation)
            throws MojoFailureException {
        EngineOptions engine = EngineOptions.defaults();
        if (ioThreads < 0 || ioThreads > MAX_IO_THREADS) {
            throw new MojoFailureException("perf.ioThreads=" + ioThreads + " is not valid; from 1 to " + MAX_IO_THREADS
                    + ", or 0 for one per processor (" + Runtime.getRuntime().availableProcessors() + " here)");
        }
        if (ioThreads > 0) {
            engine = engine.withIoThreads(ioThreads);
        }
        if (debug < 0 || debug > MAX_DEBUG_EXCHANGES) {
            throw new MojoFailureException("perf.debug=" + debug + " is not valid; how many of the first exchanges to "
                    + "print, from 0 (none) to " + MAX_DEBUG_EXCHANGES + "; perf.dryRun sends each request once");
        }
        engine = engine.withDebugExchanges(debug);
        engine = engine.withWarmup(switch (warmup.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> EngineOptions.Warmup.AUTO;
            case "true" -> EngineOptions.Warmup.ALWAYS;
            case "false" -> EngineOptions.Warmup.NEVER;
            default -> throw new MojoFailureException("perf.warmup=" + warmup + " is not valid; auto (before an "
                    + "open-model load of 1000/s or more, the default), true (always) or false (never)");
        });
        int progressSeconds;
        try {
            progressSeconds = progressInterval.trim().equals("0") ? 0
                    : (int) Math.max(1, Durations.parse(progressInterval.trim()).toSeconds());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("perf.progressInterval='" + progressInterval + "' is not valid: "
                    + e.getMessage() + "; e.g. 10s, or 0 for no progress lines");
        }
        ShardOptions shardOptions;
        try {
            shardOptions = ShardOptions.resolve(shard, runKey, startAt, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        Integer port = null;
        if (metricsPort != null && !metricsPort.isBlank()) {
            try {
                port = Integer.valueOf(metricsPort.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new MojoFailureException("perf.metrics.port=" + metricsPort + " is not valid; a port from 1 to "
                        + "65535, e.g. 9464, or 0 for any free one");
            }
        }
        String host = metricsHost == null || metricsHost.isBlank() ? null : metricsHost.trim();
        if (host != null && LiveSpec.hostProblem(host) != null) {
            throw new MojoFailureException("perf.metrics.host: " + LiveSpec.hostProblem(host));
        }
        String otlp = otlpEndpoint == null || otlpEndpoint.isBlank() ? null : otlpEndpoint.trim();
        if (otlp != null && LiveSpec.otlpProblem(otlp) != null) {
            throw new MojoFailureException("perf.otlp.endpoint: " + LiveSpec.otlpProblem(otlp));
        }
        Duration interval = null;
        if (otlpInterval != null && !otlpInterval.isBlank()) {
            try {
                interval = Durations.parse(otlpInterval.trim());
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("perf.otlp.interval='" + otlpInterval + "' is not valid: "
                        + e.getMessage() + "; e.g. 5s");
            }
            if (LiveSpec.intervalProblem(interval) != null) {
                throw new MojoFailureException("perf.otlp.interval='" + otlpInterval + "' "
                        + LiveSpec.intervalProblem(interval));
            }
        }
        return new RunOptions(scenariosDirectory.toPath(), scenario, outputDirectory.toPath(), baseUrl,
                ScenarioProperties.of(project, session), System.getenv(), engine, target(), historyOptions,
                progressSeconds, saturation, shardOptions).withLive(new LiveSpec(port, host, otlp, interval));
    }

    private TargetCommand target() throws MojoFailureException {
        if (startCommand == null || startCommand.isEmpty()) {
            return null;
        }
        if (readyUrl == null || readyUrl.isBlank()) {
            throw new MojoFailureException("startCommand needs readyUrl: the URL to poll until the service answers, "
                    + "e.g. <readyUrl>http://localhost:8080/</readyUrl>");
        }
        Duration timeout;
        try {
            timeout = Durations.parse(readyTimeout);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("perf.readyTimeout: " + e.getMessage());
        }
        String urlProblem = HttpUrls.problem(readyUrl.trim());
        if (urlProblem != null) {
            throw new MojoFailureException("perf.readyUrl: " + urlProblem);
        }
        return new TargetCommand(startCommand, project.getBasedir().toPath(), URI.create(readyUrl.trim()), timeout,
                outputDirectory.toPath().resolve("target-process.log"));
    }
}
