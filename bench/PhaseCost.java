import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.Phase;

/**
 * What timing the phases adds to one exchange on the hot path: the three {@code nanoTime} reads and three
 * {@code Recorder} records of send, ttfb and receive, against what every exchange already records (its response).
 * Single-threaded, after a warm-up; the best of five rounds. Usage (after mvn install -DskipTests):
 * java -cp "$(cat bench/out/classpath.txt):perf-engine/target/classes" bench/PhaseCost.java
 */
public class PhaseCost {
    private static final int EXCHANGES = 5_000_000;

    public static void main(String[] args) {
        RequestRecorder recorder = new RequestRecorder("bench");
        double bestResponse = Double.MAX_VALUE;
        double bestPhases = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < EXCHANGES; i++) {
                long now = System.nanoTime();
                recorder.recordResponse(200, true, now - 900_000, now - 800_000, now, 96, 0);
            }
            double response = (System.nanoTime() - start) / (double) EXCHANGES;
            start = System.nanoTime();
            for (int i = 0; i < EXCHANGES; i++) {
                long sent = System.nanoTime();
                long written = System.nanoTime();
                recorder.recordPhase(Phase.SEND, written - sent + 20_000);
                long status = System.nanoTime();
                recorder.recordPhase(Phase.TTFB, status - written + 700_000);
                recorder.recordPhase(Phase.RECEIVE, System.nanoTime() - status + 15_000);
            }
            double phases = (System.nanoTime() - start) / (double) EXCHANGES;
            if (round >= 2) {
                bestResponse = Math.min(bestResponse, response);
                bestPhases = Math.min(bestPhases, phases);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "per exchange: recording the response %.0f ns; timing and recording "
                + "send, ttfb and receive %.0f ns more%n", bestResponse, bestPhases);
    }
}
