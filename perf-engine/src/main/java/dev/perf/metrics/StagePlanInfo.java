package dev.perf.metrics;

/**
 * What the metrics need to know of a planned stage (the metrics package knows no scenario types).
 *
 * @param index       0-based
 * @param description e.g. "200/s for 30s"
 * @param offersLoad  false for a pause, whose time does not count in rates
 */
public record StagePlanInfo(int index, String description, boolean offersLoad) {
}
