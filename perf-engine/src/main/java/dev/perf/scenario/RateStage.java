package dev.perf.scenario;

import java.time.Duration;
import java.util.function.Function;

/**
 * Open model: arrivals at a rate that goes linearly from {@code startPerSecond} to {@code endPerSecond}
 * over {@code duration} (equal rates give a constant rate). Arrivals do not wait for responses.
 */
public record RateStage(double startPerSecond, double endPerSecond, Duration duration) implements Stage {

    public RateStage {
        if (startPerSecond < 0 || endPerSecond < 0 || (startPerSecond == 0 && endPerSecond == 0)) {
            throw new IllegalArgumentException("rates must be >= 0 and not both 0, were " + startPerSecond
                    + " and " + endPerSecond);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, was " + duration);
        }
    }

    public boolean isRamp() {
        return startPerSecond != endPerSecond;
    }

    @Override
    public String describe() {
        String d = Durations.format(duration);
        return isRamp()
                ? "ramp " + Rates.format(startPerSecond) + " -> " + Rates.format(endPerSecond) + " over " + d
                : Rates.format(startPerSecond) + " for " + d;
    }

    @Override
    public <R> R fold(Function<RateStage, R> rate, Function<UsersStage, R> users,
                      Function<PauseStage, R> pause) {
        return rate.apply(this);
    }
}
