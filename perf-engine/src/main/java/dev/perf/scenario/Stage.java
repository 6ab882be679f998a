package dev.perf.scenario;

import java.time.Duration;
import java.util.function.Function;

/**
 * One step of a load plan. Load, stress, scalability, spike and soak tests are different lists of stages.
 */
public sealed interface Stage permits RateStage, UsersStage, PauseStage {

    /** How long the stage schedules work; {@code null} when only an iteration count bounds it. */
    Duration duration();

    /** One line for people, such as "200/s for 30s" or "50 users for 1m". */
    String describe();

    /**
     * The one of three functions that fits this stage's kind. Every caller names all three, so the compiler checks
     * that each kind is handled (Java 17 has no exhaustive switch over types).
     */
    <R> R fold(Function<RateStage, R> rate, Function<UsersStage, R> users, Function<PauseStage, R> pause);

    /** Whether the stage is of the open model (arrivals at a rate). */
    default boolean openModel() {
        return fold(rate -> true, users -> false, pause -> false);
    }

    /** Whether the stage is of the closed model (virtual users). */
    default boolean closedModel() {
        return fold(rate -> false, users -> true, pause -> false);
    }

    /** The users a closed-model stage runs at most; 0 for the other kinds. */
    default int maxUsers() {
        return fold(rate -> 0, UsersStage::maxUsers, pause -> 0);
    }

    /** Whether the stage offers load (a pause does not). */
    default boolean offersLoad() {
        return true;
    }
}
