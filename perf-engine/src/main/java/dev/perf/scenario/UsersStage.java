package dev.perf.scenario;

import java.time.Duration;

/**
 * Closed model: {@code users} virtual users, each sending its next request when the previous one ends.
 * Bounded by {@code duration}, by {@code iterations} (requests in total, shared by all users), or by both,
 * whichever ends first.
 *
 * @param users      concurrent virtual users, at least 1
 * @param duration   how long users loop, or {@code null}
 * @param iterations total requests to send, or 0 for no count limit
 */
public record UsersStage(int users, Duration duration, long iterations) implements Stage {

    public UsersStage {
        if (users < 1) {
            throw new IllegalArgumentException("users must be >= 1, was " + users);
        }
        if (duration == null && iterations <= 0) {
            throw new IllegalArgumentException("a users stage needs a duration or iterations");
        }
    }

    @Override
    public String describe() {
        String who = users + (users == 1 ? " user" : " users");
        if (duration == null) {
            return who + " for " + iterations + " requests";
        }
        return who + " for " + Durations.format(duration) + (iterations > 0 ? " (at most " + iterations + " requests)" : "");
    }
}
