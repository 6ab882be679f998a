package dev.perf.scenario;

import java.util.List;

/**
 * The load plan: stages run one after the other.
 *
 * @param stages      at least one
 * @param maxInFlight open model only: arrivals beyond this many outstanding requests are dropped and counted
 */
public record LoadSpec(List<Stage> stages, int maxInFlight) {

    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    public LoadSpec {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a load plan needs at least one stage");
        }
    }

    public boolean isOpenModel() {
        return stages.get(0) instanceof RateStage;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Stage stage : stages) {
            if (text.length() > 0) {
                text.append(", then ");
            }
            text.append(stage.describe());
        }
        return text.toString();
    }
}
