package dev.perf.analysis;

import dev.perf.scenario.Phase;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a level's slow tail as SYN retransmissions: connects that took about 1 s, 3 s or 7 s are a client's SYN
 * sent again after the kernel's retransmission timeouts (1 s, then doubling), the mark of a target whose listen
 * backlog overflowed and dropped the first SYN. Those requests are the level's outliers, not a slower service.
 */
final class SynRetransmissions {
    /** Connect times (µs) that a first, second and third retransmission give, with room for the rest of a connect. */
    private static final long[][] WINDOWS_MICROS = {{900_000, 1_500_000}, {2_900_000, 3_500_000},
            {6_900_000, 7_500_000}};
    private static final String[] ABOUT = {"about 1 s", "about 3 s", "about 7 s"};

    private SynRetransmissions() {
    }

    /** The note for a level's connect times, or {@code null} when no connect took a retransmission's time. */
    static String note(String level, Histogram connectMicros) {
        if (connectMicros == null || connectMicros.getTotalCount() == 0) {
            return null;
        }
        List<String> counts = new ArrayList<>();
        long total = 0;
        for (int w = 0; w < WINDOWS_MICROS.length; w++) {
            long n = connectMicros.getCountBetweenValues(WINDOWS_MICROS[w][0], WINDOWS_MICROS[w][1]);
            if (n > 0) {
                counts.add(n + (counts.isEmpty() ? " took " : " ") + ABOUT[w]);
                total += n;
            }
        }
        if (total == 0) {
            return null;
        }
        return level + ": " + total + " new connection" + (total == 1 ? "" : "s") + " waited out SYN retransmissions ("
                + String.join(", ", counts) + " to connect): the target's listen backlog overflowed (raise it, or "
                + "open connections before the load); those requests are this level's slow outliers";
    }

    /** The connect phase of a level's exchanges, or {@code null} where not measured. */
    static Histogram connects(LevelResult level) {
        return level.stats().phases().count(Phase.CONNECT) == 0 ? null : level.stats().phases().micros(Phase.CONNECT);
    }
}
