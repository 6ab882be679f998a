package dev.perf.engine;

import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.Scenario;
import dev.perf.testing.Scenarios;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import dev.perf.metrics.LoadRun;

/** The engine against real servers on loopback: YAML -> engine -> figures. */
@Timeout(60)
class LoadEngineTest {
    private static final EngineOptions OPTIONS = EngineOptions.defaults().withIoThreads(2);

    private static LoadRun run(Scenario scenario) {
        return new LoadEngine(OPTIONS).run(scenario, new RunControl(), point -> { });
    }

    @Test
    void percentilesReflectAKnownServerLatency() throws Exception {
        try (TestServer server = new TestServer().delayMillis(20)) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: slow, path: /slow } ]
                    load: { rate: 50/s, duration: 2s }
                    """.formatted(server.baseUrl())));
            RequestStats stats = run.metrics().byRequest().get("slow");
            assertThat(stats.count()).isEqualTo(100);
            assertThat(stats.ok()).isEqualTo(100);
            // a 20 ms sleep is never shorter; loopback and scheduling add a little
            assertThat(stats.percentileMillis(50)).isBetween(20.0, 35.0);
            assertThat(stats.minMillis()).isGreaterThanOrEqualTo(20.0);
            assertThat(stats.rps()).isCloseTo(50.0, within(0.5));
            assertThat(stats.statusCounts()).containsEntry(200, 100L);
        }
    }

    @Test
    void aSlowTargetGetsTheConcurrencyAnOpenModelGivesIt() throws Exception {
        // 200/s, each held 250 ms: 50 at the server at once by Little's law, above the concurrency cap's floor (16). The
        // cap holds back only arrivals the generator is late for, so every arrival goes out at its time
        try (TestServer server = new TestServer().delayMillis(250)) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: slow, path: / } ]
                    load: { rate: 200/s, duration: 2s }
                    """.formatted(server.baseUrl())));
            RequestStats stats = run.metrics().overall();
            assertThat(stats.count()).isEqualTo(400);
            assertThat(stats.ok()).isEqualTo(400);
            assertThat(stats.dropped()).isZero();
            assertThat(run.metrics().connectionsOpened()).as("a connection per request at the server at once")
                    .isGreaterThanOrEqualTo(45);
            // a 250 ms sleep; a busy machine adds its own delays, never a queue of 50 behind 16
            assertThat(stats.percentileMillis(50)).isBetween(250.0, 400.0);
        }
    }

    @Test
    void requestsStillUnansweredWhenAnAbortedRunStopsWaitingAreCountedAsUnfinished() throws Exception {
        // every response held 6 s; the run is aborted after half a second and waits at most 2 s for what is in flight
        try (TestServer server = new TestServer().delayMillis(6000)) {
            RunControl control = new RunControl();
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                control.abort();
            });
            stopper.start();
            LoadRun run = new LoadEngine(OPTIONS).run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: held, path: / } ]
                    load: { rate: 20/s, duration: 3s }
                    """.formatted(server.baseUrl())), control, point -> { });
            stopper.join();

            assertThat(run.partial()).isTrue();
            assertThat(run.metrics().overall().count()).isZero();
            assertThat(run.unfinished()).as("sent in the first half second, none answered").isBetween(8, 12);
            assertThat((long) run.unfinished()).isEqualTo(server.requestCount());
        }
    }

    @Test
    void closedModelThroughputCountsEveryRequestOverTheTimeItTook() throws Exception {
        // 10 users, 100 ms per request: 100/s. Rounds start at 0, 100, ..., 1000 ms, so 110 requests are sent within
        // the 1050 ms schedule and the last round completes at about 1100 ms; 110 / 1.05 s would claim 105/s
        try (TestServer server = new TestServer().delayMillis(100)) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: slow, path: /slow } ]
                    load: { concurrency: 10, duration: 1050ms }
                    """.formatted(server.baseUrl())));
            RequestStats stats = run.metrics().overall();
            assertThat(stats.count()).isBetween(100L, 110L);
            assertThat(run.metrics().elapsedSeconds()).isGreaterThan(1.05);
            assertThat(stats.rps()).isBetween(85.0, 100.5);
        }
    }

    @Test
    void usersRampUpHoldAndRampDownAcrossStagesAndAnIterationStageEndsWhenItsRequestsAreDone() throws Exception {
        // 50 ms per request: 10 users make about 200/s; a ramp from 0 to 10 users averages 5 users, about 100/s
        try (TestServer server = new TestServer().delayMillis(50)) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: r, path: /r } ]
                    load:
                      stages:
                        - { rampTo: 10 users, duration: 1s }
                        - { concurrency: 10, duration: 1s }
                        - { rampTo: 0, duration: 1s }
                        - { concurrency: 4, iterations: 40 }
                    """.formatted(server.baseUrl())));
            List<StageMetrics> stages = run.metrics().stages();
            long up = stages.get(0).overall().count();
            long hold = stages.get(1).overall().count();
            long down = stages.get(2).overall().count();
            assertThat(hold).isBetween(150L, 210L);
            assertThat((double) up / hold).isBetween(0.35, 0.65);
            assertThat((double) down / hold).isBetween(0.35, 0.65);
            assertThat(stages.get(3).overall().count()).isEqualTo(40);
            // 40 requests by 4 users at 50 ms: 10 rounds, about half a second
            assertThat(stages.get(3).elapsedSeconds()).isBetween(0.45, 1.0);
            assertThat(run.metrics().overall().failed()).isZero();
        }
    }

    @Test
    void sendsWhatTheScenarioDescribes() throws Exception {
        try (TestServer server = new TestServer()) {
            run(Scenarios.parse("""
                    target: { baseUrl: %s/api }
                    defaults: { headers: { X-Tenant: acme } }
                    requests:
                      - name: search
                        method: post
                        path: /customers/search
                        query: { q: "a b&c", tag: [x, y] }
                        json: { name: "Zoë", n: 1 }
                    load: { concurrency: 1, iterations: 1 }
                    """.formatted(server.baseUrl())));
            assertThat(server.lastRequest()).isEqualTo("POST /api/customers/search?q=a%20b%26c&tag=x&tag=y "
                    + "application/json acme {\"name\":\"Zoë\",\"n\":1}");
        }
    }

    @Test
    void closedModelSendsExactlyTheIterations() throws Exception {
        try (TestServer server = new TestServer()) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests:
                      - { name: a, path: /a, weight: 3 }
                      - { name: b, path: /b }
                    load: { concurrency: 4, iterations: 400 }
                    """.formatted(server.baseUrl())));
            assertThat(run.metrics().overall().count()).isEqualTo(400);
            assertThat(server.requestCount()).isEqualTo(400);
            assertThat(run.metrics().byRequest().get("a").count()).isEqualTo(300);
            assertThat(run.metrics().byRequest().get("b").count()).isEqualTo(100);
            assertThat(run.metrics().connectionsOpened()).isLessThanOrEqualTo(8);
        }
    }

    @Test
    void unexpectedStatusIsAFailureWithItsCode() throws Exception {
        try (TestServer server = new TestServer().status(503)) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: down, path: / } ]
                    load: { concurrency: 2, iterations: 20 }
                    """.formatted(server.baseUrl())));
            RequestStats stats = run.metrics().overall();
            assertThat(stats.failed()).isEqualTo(20);
            assertThat(stats.successRatePercent()).isEqualTo(0.0);
            assertThat(stats.errorCounts().get(ErrorKind.STATUS).firstMessage()).contains("503").contains("2xx");
        }
    }

    @Test
    void aTargetThatIsDownGivesConnectionRefusedFailuresNotACrash() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LoadRun run = run(Scenarios.parse("""
                target: { baseUrl: http://127.0.0.1:%d }
                requests: [ { name: nothing, path: / } ]
                load: { concurrency: 2, iterations: 10 }
                """.formatted(port)));
        RequestStats stats = run.metrics().overall();
        assertThat(stats.failed()).isEqualTo(10);
        assertThat(stats.errorCounts()).containsKey(ErrorKind.CONNECTION_REFUSED);
    }

    @Test
    void aTargetThatAcceptsNoMoreConnectionsGivesConnectTimeoutsNotConnectionRefused() throws Exception {
        // a listener that never accepts: once its accept queue is full the kernel drops new SYNs, as a black-holed or
        // overloaded host does, and a connect can only time out
        try (ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    java.net.Socket s = new java.net.Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (java.io.IOException queueFull) {
                        s.close();
                        break;
                    }
                }
                LoadRun run = run(Scenarios.parse("""
                        target: { baseUrl: http://127.0.0.1:%d }
                        defaults: { connectTimeout: 300ms, timeout: 5s }
                        requests: [ { name: blackholed, path: / } ]
                        load: { concurrency: 2, iterations: 4 }
                        """.formatted(full.getLocalPort())));
                RequestStats stats = run.metrics().overall();
                assertThat(stats.failed()).isEqualTo(4);
                assertThat(stats.errorCounts()).containsOnlyKeys(ErrorKind.CONNECT_TIMEOUT);
                assertThat(stats.errorCounts().get(ErrorKind.CONNECT_TIMEOUT).firstMessage()).contains("timed out");
            } finally {
                for (java.net.Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void thinkTimeFollowsTheLastStepSoAClosedModelUserLoopsAtTheDeclaredPace() throws Exception {
        try (TestServer server = new TestServer()) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    flows:
                      - name: paced
                        think: 400ms
                        steps: [ { name: one, path: / } ]
                    load: { concurrency: 1, duration: 2s }
                    """.formatted(server.baseUrl())));
            // one request every ~400 ms for 2 s: about 5, not the thousands of a loop without a pause
            assertThat(run.metrics().overall().count()).isBetween(2L, 7L);
            assertThat(server.requestCount()).isBetween(2L, 7L);
        }
    }

    @Test
    void whenTheLoadEndsFlowsStopAtTheNextStepBoundaryInsteadOfSittingOutTheirThinkTime() throws Exception {
        try (TestServer server = new TestServer()) {
            Scenario scenario = Scenarios.parse("""
                    target: { baseUrl: %s }
                    defaults: { timeout: 5s }
                    flows:
                      - name: browse
                        think: 10m
                        steps:
                          - { name: home, path: / }
                          - { name: again, path: / }
                    load: { concurrency: 2, duration: 2s }
                    """.formatted(server.baseUrl()));
            long start = System.nanoTime();
            LoadRun run = run(scenario);
            double wallSeconds = (System.nanoTime() - start) / 1e9;
            // each user sent its first step and then thought for 10 minutes: the end of the load cuts that short
            assertThat(run.metrics().overall().count()).isEqualTo(2);
            assertThat(run.iterationsCutShort()).isEqualTo(2);
            assertThat(run.unfinished()).isZero();
            assertThat(run.metrics().flows().get("browse").count()).as("a cut iteration is no flow").isZero();
            // the run ended when its load did, give or take a loaded machine: far from the 10 minutes of think time
            assertThat(wallSeconds).isLessThan(2 + 5 + 20);
            assertThat(run.metrics().elapsedSeconds()).as("throughput is over the load's real duration")
                    .isBetween(1.9, 10.0);
        }
    }

    @Test
    void aServerThatDropsConnectionsGivesResetFailures() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!rude.isClosed()) {
                    try (java.net.Socket s = rude.accept()) {
                        s.getInputStream().read(new byte[512]);
                        s.setSoLinger(true, 0); // close with RST
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: http://127.0.0.1:%d }
                    requests: [ { name: dropped, path: / } ]
                    load: { concurrency: 1, iterations: 5 }
                    """.formatted(rude.getLocalPort())));
            RequestStats stats = run.metrics().overall();
            assertThat(stats.failed()).isEqualTo(5);
            assertThat(stats.errorCounts()).containsOnlyKeys(ErrorKind.CONNECTION_RESET);
        }
    }

    @Test
    void aTimeoutIsAFailureRecordedWithItsElapsedTime() throws Exception {
        try (TestServer server = new TestServer().delayMillis(1500)) {
            LoadRun run = run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    defaults: { timeout: 300ms }
                    requests: [ { name: slow, path: / } ]
                    load: { concurrency: 1, iterations: 2 }
                    """.formatted(server.baseUrl())));
            RequestStats stats = run.metrics().overall();
            assertThat(stats.errorCounts()).containsKey(ErrorKind.TIMEOUT);
            assertThat(stats.failed()).isEqualTo(2);
            assertThat(stats.percentileMillis(50)).isBetween(290.0, 600.0);
        }
    }
}
