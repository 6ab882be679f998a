package dev.perf.scenario;

import java.time.Duration;
import java.util.function.Function;

/**
 * Closed model: virtual users, each sending its next request when the previous one ends. The number of users
 * goes linearly from {@code startUsers} to {@code endUsers} over the duration (equal numbers: constant). Bounded by
 * {@code duration}, by {@code iterations} (requests in total, shared by all users), or by both, whichever ends
 * first; a ramp needs a duration.
 *
 * @param startUsers users at the start, at least 0 (a ramp may start from 0)
 * @param endUsers   users at the end, at least 0; not both 0
 * @param duration   how long users loop, or {@code null}
 * @param iterations total requests to send, or 0 for no count limit
 */
public record UsersStage(int startUsers, int endUsers, Duration duration, long iterations) implements Stage {

    public UsersStage {
        if (startUsers < 0 || endUsers < 0 || (startUsers == 0 && endUsers == 0)) {
            throw new IllegalArgumentException("users must be >= 0 and not both 0, were " + startUsers + " and " + endUsers);
        }
        if (duration == null && iterations <= 0) {
            throw new IllegalArgumentException("a users stage needs a duration or iterations");
        }
        if (startUsers != endUsers && duration == null) {
            throw new IllegalArgumentException("a ramp of users needs a duration");
        }
    }

    /** A constant number of users. */
    public UsersStage(int users, Duration duration, long iterations) {
        this(users, users, duration, iterations);
    }

    public boolean isRamp() {
        return startUsers != endUsers;
    }

    /** The most users at any time in the stage. */
    public int maxUsers() {
        return Math.max(startUsers, endUsers);
    }

    @Override
    public String describe() {
        if (isRamp()) {
            return "ramp " + startUsers + " -> " + endUsers + " users over " + Durations.format(duration);
        }
        String who = endUsers + (endUsers == 1 ? " user" : " users");
        if (duration == null) {
            return who + " for " + iterations + (iterations == 1 ? " request" : " requests");
        }
        return who + " for " + Durations.format(duration) + (iterations > 0 ? " (at most " + iterations
                + (iterations == 1 ? " request)" : " requests)") : "");
    }

    @Override
    public <R> R fold(Function<RateStage, R> rate, Function<UsersStage, R> users,
                      Function<PauseStage, R> pause) {
        return users.apply(this);
    }
}
