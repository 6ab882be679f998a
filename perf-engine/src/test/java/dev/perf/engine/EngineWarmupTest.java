package dev.perf.engine;

import dev.perf.metrics.LoadRun;
import dev.perf.scenario.LoadSpec;
import dev.perf.testing.Scenarios;
import dev.perf.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's warm-up: when it runs, that it sends nothing to the target, records nothing, and ends in time. */
@Timeout(60)
class EngineWarmupTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AUTO   | { rate: 999/s, duration: 1s }                                     | false
            AUTO   | { rate: 1000/s, duration: 1s }                                    | true
            AUTO   | { stages: [ { rate: 10/s, duration: 1s }, { rampTo: 5000/s, duration: 1s } ] } | true
            AUTO   | { concurrency: 200, duration: 1s }                                | false
            ALWAYS | { concurrency: 1, iterations: 1 }                                 | true
            NEVER  | { rate: 50000/s, duration: 1s }                                   | false
            """)
    void autoWarmsUpBeforeAHighRateOpenModel(EngineOptions.Warmup when, String load, boolean wanted) {
        LoadSpec spec = Scenarios.parse("""
                target: { baseUrl: "http://127.0.0.1:1" }
                requests: [ { name: home, path: / } ]
                load: %s
                """.formatted(load)).load();
        assertThat(EngineWarmup.wanted(when, spec)).isEqualTo(wanted);
    }

    @ParameterizedTest(name = "{0}, start in {1} s: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            AUTO   | 8   | 7
            AUTO   | 60  | 15
            ALWAYS | 8   | 7
            AUTO   | 1.5 | none
            ALWAYS | 1.5 | none
            NEVER  | 8   | none
            """)
    void aShardWarmsUpWhileItWaitsForItsStartAndNeverPastIt(EngineOptions.Warmup when, double startInSeconds,
                                                              String limit) {
        // a low rate: without a start time to wait for, AUTO would not warm up
        LoadSpec spec = Scenarios.parse("""
                target: { baseUrl: "http://127.0.0.1:1" }
                requests: [ { name: home, path: / } ]
                load: { rate: 50/s, duration: 4s }
                """).load();
        java.time.Instant now = java.time.Instant.parse("2026-12-06T10:00:00Z");
        EngineOptions options = EngineOptions.defaults().withWarmup(when)
                .withStartAt(now.plusMillis((long) (startInSeconds * 1000)));
        Duration got = EngineWarmup.limit(options, spec, now);
        assertThat(got == null ? "none" : Long.toString(got.toSeconds())).isEqualTo(limit);
        assertThat(EngineWarmup.limit(EngineOptions.defaults().withWarmup(when), spec, now))
                .isEqualTo(when == EngineOptions.Warmup.ALWAYS ? EngineOptions.WARMUP_LIMIT : null);
    }

    @Test
    void theTargetGetsOnlyTheLoadAndTheFiguresOnlyItsResponses() throws Exception {
        try (TestServer server = new TestServer()) {
            List<String> warmups = new ArrayList<>();
            RunListener listener = new RunListener() {
                @Override
                public void interval(dev.perf.metrics.IntervalPoint latest) {
                }

                @Override
                public void warmedUp(long exchanges, Duration took, boolean jitQuiet) {
                    warmups.add(exchanges + " in " + took.toMillis() + " ms");
                }
            };
            EngineOptions options = EngineOptions.defaults().withIoThreads(1)
                    .withWarmup(EngineOptions.Warmup.ALWAYS, Duration.ofSeconds(2));
            long start = System.nanoTime();
            LoadRun run = new LoadEngine(options).run(Scenarios.parse("""
                    target: { baseUrl: %s }
                    requests: [ { name: home, path: / } ]
                    load: { rate: 20/s, duration: 1s }
                    """.formatted(server.baseUrl())), new RunControl(), listener);
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(warmups).hasSize(1);
            assertThat(Long.parseLong(warmups.get(0).split(" ")[0])).as("exchanges with the in-process server")
                    .isPositive();
            assertThat(server.requestCount()).as("the target saw the load and nothing else").isEqualTo(20);
            assertThat(run.metrics().overall().count()).isEqualTo(20);
            assertThat(run.metrics().connectionsOpened()).as("the warm-up's connections are not the run's")
                    .isBetween(1L, 20L);
            // the warm-up ends at its limit (2 s) or sooner, then the 1 s of load; generous for a busy machine
            assertThat(tookMillis).isLessThan(20_000);
        }
    }
}
