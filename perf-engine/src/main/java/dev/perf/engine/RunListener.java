package dev.perf.engine;

import dev.perf.metrics.RequestStats;

import java.util.Map;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.StageMetrics;

/** Hears about a run while it goes: live progress, and each stage as it ends (where a stepped test decides to stop). */
@FunctionalInterface
public interface RunListener {

    /** About once per sampling interval, with the latest whole-scenario point. Runs on the sampler thread. */
    void interval(IntervalPoint latest);

    /**
     * As {@link #interval(IntervalPoint)}, with how many requests (open model) or busy users (closed model) are
     * outstanding.
     */
    default void interval(IntervalPoint latest, int inFlight) {
        interval(latest);
    }

    /** Whether it wants the whole run's figures after each interval (merging them costs: only when needed). */
    default boolean wantsFiguresSoFar() {
        return false;
    }

    /**
     * With the whole run's figures so far, after an interval, on the sampler thread.
     *
     * @return why the run must stop now, or {@code null} to go on
     */
    default String figuresSoFar(RequestStats overall, Map<String, RequestStats> byRequest, double elapsedSeconds) {
        return null;
    }

    /**
     * With the whole run's figures so far and where the run is, after an interval, on the sampler thread; asked only
     * when {@link #wantsFiguresSoFar()}. By default as {@link #figuresSoFar(RequestStats, Map, double)}.
     *
     * @return why the run must stop now, or {@code null} to go on
     */
    default String figuresSoFar(StageMetrics soFar, Progress now) {
        return figuresSoFar(soFar.overall(), soFar.byRequest(), soFar.elapsedSeconds());
    }

    /**
     * The latency bucket bounds it wants each request's totals counted into after each interval
     * ({@link #requestsSoFar}), or {@code null} when it wants none. Cheaper than {@link #wantsFiguresSoFar()}: no
     * histogram is copied or merged.
     */
    default long[] requestBucketsMicros() {
        return null;
    }

    /**
     * Each request's totals so far (latencies counted into {@link #requestBucketsMicros()}, percentiles 50, 95 and
     * 99) and where the run is, after each interval, on the sampler thread.
     *
     * @param lateSends open-model sends more than 1 ms behind schedule so far
     */
    default void requestsSoFar(java.util.List<dev.perf.metrics.RequestSoFar> requests, long lateSends, Progress now) {
    }

    /** The percentiles {@link #requestsSoFar} gives. */
    double[] PERCENTILES_SO_FAR = {50, 95, 99};

    /**
     * Where a run is at one moment.
     *
     * @param stage            the index of the stage running, -1 before the first
     * @param requestsInFlight open-model requests sent or waiting to be sent, and not completed
     * @param virtualUsers     closed-model virtual users running (not idle)
     */
    record Progress(int stage, int requestsInFlight, int virtualUsers) {
    }

    /**
     * After a stage that offered load has ended, with the figures of its responses so far (requests it sent that are
     * still in flight are not in them yet). Runs on the caller's thread while the next stage already runs.
     *
     * @return {@code false} to skip the remaining stages
     */
    default boolean stageEnded(StageMetrics soFar) {
        return true;
    }

    /**
     * The engine warmed its own code up before the load ({@link EngineOptions#warmup()}): how many exchanges against
     * its in-process server, in how long, and whether the JIT compiler had gone quiet by then.
     */
    default void warmedUp(long exchanges, java.time.Duration took, boolean jitQuiet) {
    }

    /** One exchange printed in full ({@code perf.debug}, a dry run), secrets masked; lines separated by newlines. */
    default void exchange(String block) {
    }
}
