package dev.perf.engine;

/** The time source of pacing, behind a seam so tests can drive it. Nanoseconds on {@link System#nanoTime()}'s scale. */
public interface Clock {

    long nanoTime();

    /** The real clock. */
    Clock SYSTEM = System::nanoTime;
}
