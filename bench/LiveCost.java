import com.sun.net.httpserver.HttpServer;
import dev.perf.engine.EngineOptions;
import dev.perf.engine.LoadEngine;
import dev.perf.engine.RunControl;
import dev.perf.engine.RunListener;
import dev.perf.live.LiveRun;
import dev.perf.live.PrometheusEndpoint;
import dev.perf.metrics.IntervalPoint;
import dev.perf.monitor.ResourceMonitor;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.yaml.ScenarioLoader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * What the live endpoint costs the generator: the same open-model run (RATE/s for SECONDS against a small server in
 * this JVM) without and with live figures scraped every second, and the CPU of the threads the endpoint adds to or
 * loads: the sampler thread (which builds the figures so far once a second) and the HTTP server's. The scraper is
 * another process's work in real life, so its own thread is not counted.
 * Usage: java -cp ENGINE_CLASSPATH bench/LiveCost.java [SECONDS] [RATE] [REQUESTS]
 */
public class LiveCost {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        byte[] body = "{\"ok\":true}".getBytes();
        target.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.setExecutor(Executors.newFixedThreadPool(4));
        target.start();
        StringBuilder yaml = new StringBuilder("name: live-cost\ntarget: { baseUrl: \"http://127.0.0.1:"
                + target.getAddress().getPort() + "\" }\nrequests:\n");
        for (int r = 0; r < requests; r++) {
            yaml.append("  - { name: r").append(r).append(", path: /r").append(r).append(" }\n");
        }
        yaml.append("load: { rate: ").append(rate).append("/s, duration: ").append(seconds).append("s }\n")
                .append("thresholds: [ \"p99 < 1s\", \"error-rate < 1%\" ]\n");
        Path file = Files.createTempFile("live-cost", ".yaml");
        Files.writeString(file, yaml);
        Scenario scenario = new ScenarioLoader(dev.perf.scenario.yaml.Substitutor.none()).load(file);
        for (int round = 1; round <= 2; round++) {
            System.out.printf("round %d without live: %s%n", round, run(scenario, false));
            System.out.printf("round %d with live:    %s%n", round, run(scenario, true));
        }
        target.stop(0);
        System.exit(0);
    }

    private static String run(Scenario scenario, boolean live) throws Exception {
        ResourceMonitor monitor = ResourceMonitor.start(scenario.monitor(), null, line -> { });
        PrometheusEndpoint endpoint = live ? PrometheusEndpoint.start("127.0.0.1", 0) : null;
        RunListener inner = live ? new LiveRun(scenario, monitor, endpoint) : (IntervalPoint p) -> { };
        java.util.concurrent.atomic.AtomicLong samplerCpu = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong liveRunCpu = new java.util.concurrent.atomic.AtomicLong();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // the sampler thread lives only as long as the run: its CPU so far is read on it, at each interval
        RunListener listener = new RunListener() {
            @Override
            public void interval(IntervalPoint latest) {
                inner.interval(latest);
                samplerCpu.set(mx.getCurrentThreadCpuTime());
            }

            @Override
            public long[] requestBucketsMicros() {
                return inner.requestBucketsMicros();
            }

            @Override
            public void requestsSoFar(java.util.List<dev.perf.metrics.RequestSoFar> requests, long late,
                                      Progress now) {
                long before = mx.getCurrentThreadCpuTime();
                inner.requestsSoFar(requests, late, now);
                long after = mx.getCurrentThreadCpuTime();
                liveRunCpu.addAndGet(after - before);
                samplerCpu.set(after);
            }

            @Override
            public boolean wantsFiguresSoFar() {
                return inner.wantsFiguresSoFar();
            }

            @Override
            public String figuresSoFar(dev.perf.metrics.StageMetrics soFar, Progress now) {
                long before = mx.getCurrentThreadCpuTime();
                String stop = inner.figuresSoFar(soFar, now);
                long after = mx.getCurrentThreadCpuTime();
                liveRunCpu.addAndGet(after - before);
                samplerCpu.set(after);
                return stop;
            }
        };
        Thread scraper = null;
        if (live) {
            HttpClient client = HttpClient.newHttpClient();
            URI url = URI.create(endpoint.url());
            scraper = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(1000);
                        client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // next second
                    }
                }
            }, "scraper");
            scraper.setDaemon(true);
            scraper.start();
        }
        Map<String, Long> before = cpuByThread();
        long start = System.nanoTime();
        new LoadEngine(EngineOptions.defaults().withIoThreads(1).withWarmup(EngineOptions.Warmup.NEVER)).run(scenario, new RunControl(), listener);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = cpuByThread();
        if (scraper != null) {
            scraper.interrupt();
        }
        monitor.stop();
        if (endpoint != null) {
            endpoint.close();
        }
        long sampler = samplerCpu.get();
        long http = after.entrySet().stream().filter(e -> e.getKey().startsWith("prometheus-http"))
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        return String.format("sampler thread %.3f%% of one core (of which LiveRun %.3f%%), HTTP server threads "
                + "%.3f%% (%.0f s)", sampler / 1e7 / wallSeconds, liveRunCpu.get() / 1e7 / wallSeconds,
                http / 1e7 / wallSeconds, wallSeconds);
    }

    /** CPU nanoseconds by thread name and id. */
    private static Map<String, Long> cpuByThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new java.util.HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpu.put(info.getThreadName() + "#" + info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }
}
