package dev.perf.scenario;

import java.time.Duration;
import java.util.function.Function;

/**
 * No new load for a while: open-model arrivals stop, closed-model users finish their request and wait.
 * Requests still in flight complete and count in the stage that sent them.
 */
public record PauseStage(Duration duration) implements Stage {

    public PauseStage {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a pause must be positive, was " + duration);
        }
    }

    @Override
    public String describe() {
        return "pause " + Durations.format(duration);
    }

    @Override
    public boolean offersLoad() {
        return false;
    }

    @Override
    public <R> R fold(Function<RateStage, R> rate, Function<UsersStage, R> users,
                      Function<PauseStage, R> pause) {
        return pause.apply(this);
    }
}
