package dev.perf.analysis;

import dev.perf.metrics.RequestStats;

/**
 * One level of a stepped run, as the scalability analysis sees it.
 *
 * @param number         1-based
 * @param load           arrivals per second (rate steps) or users (concurrency steps)
 * @param ran            false when the run stopped before this level
 * @param stats          the level's figures (all requests)
 * @param thresholdsHeld whether the scenario's request thresholds hold on this level alone
 * @param broken         whether the breakpoint condition holds on this level (or it has no responses)
 */
public record LevelResult(int number, double load, boolean ran, RequestStats stats, boolean thresholdsHeld,
                          boolean broken) {

    /** Successful responses per second: the analysis' throughput, so fast errors never look like capacity. */
    public Double goodput() {
        return stats.okPerSecond();
    }

    public boolean hasData() {
        return ran && stats.count() > 0;
    }
}
