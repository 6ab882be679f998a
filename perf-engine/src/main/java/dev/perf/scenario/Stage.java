package dev.perf.scenario;

import java.time.Duration;

/**
 * One step of a load plan. Load, stress, scalability, spike and soak tests are different lists of stages.
 */
public sealed interface Stage permits RateStage, UsersStage, PauseStage {

    /** How long the stage schedules work; {@code null} when only an iteration count bounds it. */
    Duration duration();

    /** One line for people, such as "200/s for 30s" or "50 users for 1m". */
    String describe();

    /** Whether the stage offers load (a pause does not). */
    default boolean offersLoad() {
        return true;
    }
}
