package dev.perf.scenario;

import java.util.List;

/**
 * The load plan: stages run one after the other on one continuous timeline. A plan is either open model (rate
 * stages) or closed model (users stages), with pauses anywhere.
 *
 * @param stages      at least one that offers load
 * @param maxInFlight open model only: arrivals beyond this many outstanding requests are dropped and counted
 * @param steps       the levels of a stress or scalability test, or {@code null} for any other plan
 */
public record LoadSpec(List<Stage> stages, int maxInFlight, StepPlan steps, Shard shard) {

    public static final int DEFAULT_MAX_IN_FLIGHT = 1000;

    public LoadSpec {
        stages = List.copyOf(stages);
        if (stages.stream().noneMatch(Stage::offersLoad)) {
            throw new IllegalArgumentException("a load plan needs at least one stage that offers load");
        }
        boolean open = stages.stream().anyMatch(Stage::openModel);
        boolean closed = stages.stream().anyMatch(Stage::closedModel);
        if (open && closed) {
            throw new IllegalArgumentException("a load plan is either open model (rates) or closed model (users)");
        }
    }

    public LoadSpec(List<Stage> stages, int maxInFlight) {
        this(stages, maxInFlight, null, null);
    }

    /** The whole load, on one generator. */
    public LoadSpec(List<Stage> stages, int maxInFlight, StepPlan steps) {
        this(stages, maxInFlight, steps, null);
    }

    public boolean isOpenModel() {
        return stages.stream().anyMatch(Stage::openModel);
    }

    public boolean isStepped() {
        return steps != null;
    }

    public String describe() {
        String whole;
        if (steps != null) {
            whole = steps.describe();
        } else {
            StringBuilder text = new StringBuilder();
            for (Stage stage : stages) {
                if (text.length() > 0) {
                    text.append(", then ");
                }
                text.append(stage.describe());
            }
            whole = text.toString();
        }
        if (shard == null) {
            return whole;
        }
        // the open model keeps the whole schedule's rates and sends every N-th arrival; users are split already
        return whole + (isOpenModel() ? " (shard " + shard + ": 1 in " + shard.count() + " arrivals of that)"
                : " (shard " + shard + "'s share)");
    }
}
