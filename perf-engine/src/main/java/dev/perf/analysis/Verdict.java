package dev.perf.analysis;

import java.util.Collection;
import java.util.Locale;

/** What a run, or an invocation of several, concluded. */
public enum Verdict {
    /** Everything it set out to measure was measured and held. */
    PASSED,
    /** Something broke, or it did not run to the end: fails the build. */
    FAILED,
    /** Nothing broke, but something could not be judged: does not fail the build, and says so. */
    INCONCLUSIVE;

    /** {@code passed}, {@code failed}, {@code inconclusive}: as summary.json and the history write it. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The verdict of several runs together: failed if they were stopped, anything else went wrong, or any run failed;
     * else inconclusive if any run was.
     *
     * @param stoppedOrBroken the runs were stopped by the user, or something besides their verdicts went wrong (a run
     *                        that could not be recorded)
     */
    public static Verdict of(Collection<Verdict> runs, boolean stoppedOrBroken) {
        if (stoppedOrBroken || runs.contains(FAILED)) {
            return FAILED;
        }
        return runs.contains(INCONCLUSIVE) ? INCONCLUSIVE : PASSED;
    }
}
