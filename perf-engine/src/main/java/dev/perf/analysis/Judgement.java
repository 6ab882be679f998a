package dev.perf.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run judged: the one rule for whether a run passed, for load runs and tracked tests alike. A run fails when it
 * stopped before its end, when the generator was saturated and the scenario says that fails it, on any breached
 * threshold, on a regression when regressions fail the build, and on failures nothing judged (a tracked operation
 * that failed with no success-rate or error-rate threshold on it). Otherwise it is inconclusive when any threshold
 * could not be judged, and passed when everything was.
 *
 * @param failures     why it failed, one line each; empty when it did not
 * @param inconclusive what could not be judged, one line each
 * @param partial      whether it stopped before its end
 */
public record Judgement(List<String> failures, List<String> inconclusive, boolean partial) {

    public Judgement {
        failures = List.copyOf(failures);
        inconclusive = List.copyOf(inconclusive);
    }

    public Verdict verdict() {
        if (!failures.isEmpty()) {
            return Verdict.FAILED;
        }
        return inconclusive.isEmpty() ? Verdict.PASSED : Verdict.INCONCLUSIVE;
    }

    /** The same, with more that could not be judged (a merge of only some of the shards). */
    public Judgement withInconclusive(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(inconclusive);
        all.addAll(more);
        return new Judgement(failures, all, partial);
    }

    /** Whether the run fails the build. */
    public boolean failed() {
        return verdict() == Verdict.FAILED;
    }

    /** The verdict as the history keeps it: {@code partial} for a run that stopped early, else {@link Verdict#key()}. */
    public String recorded() {
        return partial ? "partial" : verdict().key();
    }

    /**
     * Judges a run.
     *
     * @param partial          whether it stopped before its end
     * @param stopReason       why it stopped early, or {@code null} (interrupted)
     * @param saturation       why the saturated generator fails the run, or {@code null} when it does not
     * @param thresholds       every threshold's verdict
     * @param regressions      figures compared with the baseline
     * @param failOnRegression whether a regression fails the run
     * @param unjudged         failures no threshold judged, one line each
     */
    public static Judgement of(boolean partial, String stopReason, String saturation, List<ThresholdResult> thresholds,
                               List<RegressionCheck.Finding> regressions, boolean failOnRegression,
                               List<String> unjudged) {
        List<String> failures = new ArrayList<>();
        if (partial) {
            failures.add("stopped early" + (stopReason == null ? " (interrupted)" : ": " + stopReason));
        }
        if (saturation != null) {
            failures.add(saturation);
        }
        thresholds.stream().filter(ThresholdResult::breached).forEach(b -> failures.add("breach: " + b.describe()));
        if (failOnRegression) {
            regressions.stream().filter(f -> f.verdict() == RegressionCheck.Verdict.REGRESSED)
                    .forEach(f -> failures.add("regression: " + f.request() + " " + f.metric() + " " + f.shown()
                            + (f.changePercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)",
                            f.changePercent()))));
        }
        failures.addAll(unjudged);
        List<String> inconclusive = thresholds.stream().filter(t -> !t.judged())
                .map(t -> "inconclusive: " + t.describe()).toList();
        return new Judgement(failures, inconclusive, partial);
    }
}
