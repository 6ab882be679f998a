import dev.perf.junit.PerfExtension;
import dev.perf.junit.PerfTracker;
import dev.perf.junit.TrackPerformance;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Arrays;
import java.util.Locale;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What tracking costs a test: per PerfTracker.track call (tracking off and on, against a direct call), and per test
 * method of a @TrackPerformance class (off and on, against the same class without the annotation). Run through
 * JUnit, as Surefire runs tests. Usage: bench/track.sh
 */
public class TrackBench {
    static volatile double sink;
    static final int ROUNDS = 7;

    static double work() {
        return Math.sqrt(System.nanoTime());
    }

    /** Times direct calls against tracked calls, in alternating rounds; prints the medians. */
    @ExtendWith(PerfExtension.class)
    public static class Blocks {
        @Test
        void measure() throws Exception {
            boolean on = !"off".equals(System.getProperty("bench.track"));
            int calls = on ? 200_000 : 5_000_000;
            double[] direct = new double[ROUNDS];
            double[] tracked = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += work();
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    sink += PerfTracker.track("op", TrackBench::work);
                }
                long t2 = System.nanoTime();
                direct[round] = (t1 - t0) / (double) calls;
                tracked[round] = (t2 - t1) / (double) calls;
            }
            System.out.printf(Locale.ROOT, "  PerfTracker.track, tracking %-3s  direct %6.1f ns/call   tracked %7.1f ns/call"
                    + "   overhead %7.1f ns/call (medians of %d rounds of %,d calls)%n", on ? "on" : "off",
                    median(direct), median(tracked), median(tracked) - median(direct), ROUNDS, calls);
        }
    }

    public static class PlainMethods {
        @RepeatedTest(2000)
        void test() {
            sink += work();
        }
    }

    @TrackPerformance
    public static class TrackedMethods {
        @RepeatedTest(2000)
        void test() {
            sink += work();
        }
    }

    static EngineExecutionResults run(Class<?> fixture, String track) {
        System.setProperty("bench.track", track);
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter("perf.track", track)
                .configurationParameter("perf.history", "off")
                .configurationParameter("perf.track.monitor", "off")
                .configurationParameter("perf.outputDirectory", System.getProperty("java.io.tmpdir") + "/perf-track-bench")
                .execute();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static void main(String[] args) {
        System.out.println("== blocks");
        run(Blocks.class, "off");
        run(Blocks.class, "on");
        System.out.println("== test methods: 2000 trivial tests per class, through JUnit");
        for (int warm = 0; warm < 3; warm++) {
            run(PlainMethods.class, "off");
            run(TrackedMethods.class, "off");
            run(TrackedMethods.class, "on");
        }
        double[][] micros = new double[3][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            micros[0][round] = timePerTest(PlainMethods.class, "off");
            micros[1][round] = timePerTest(TrackedMethods.class, "off");
            micros[2][round] = timePerTest(TrackedMethods.class, "on");
        }
        System.out.printf(Locale.ROOT, "  without the annotation          %6.1f us/test%n", median(micros[0]));
        System.out.printf(Locale.ROOT, "  @TrackPerformance, perf.track=off %6.1f us/test (%+.1f)%n", median(micros[1]),
                median(micros[1]) - median(micros[0]));
        System.out.printf(Locale.ROOT, "  @TrackPerformance, tracking on  %6.1f us/test (%+.1f)%n", median(micros[2]),
                median(micros[2]) - median(micros[0]));
    }

    static double timePerTest(Class<?> fixture, String track) {
        long t0 = System.nanoTime();
        EngineExecutionResults results = run(fixture, track);
        long t1 = System.nanoTime();
        if (results.testEvents().succeeded().count() != 2000) {
            throw new IllegalStateException(fixture.getSimpleName() + " did not pass");
        }
        return (t1 - t0) / 1000.0 / 2000;
    }
}
