package dev.perf.engine;

import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.StageMetrics;

import java.time.Duration;

/**
 * Two listeners heard as one, the first first: the console's progress and a live endpoint, say. A stop either asks
 * for stops the run; so does a stage end either declines.
 */
public final class ListenerPair implements RunListener {
    private final RunListener first;
    private final RunListener second;

    private ListenerPair(RunListener first, RunListener second) {
        this.first = first;
        this.second = second;
    }

    /** {@code first} alone when {@code second} is {@code null}. */
    public static RunListener of(RunListener first, RunListener second) {
        return second == null ? first : new ListenerPair(first, second);
    }

    @Override
    public void interval(IntervalPoint latest) {
        first.interval(latest);
        second.interval(latest);
    }

    @Override
    public void interval(IntervalPoint latest, int inFlight) {
        first.interval(latest, inFlight);
        second.interval(latest, inFlight);
    }

    @Override
    public boolean wantsFiguresSoFar() {
        return first.wantsFiguresSoFar() || second.wantsFiguresSoFar();
    }

    @Override
    public String figuresSoFar(StageMetrics soFar, Progress now) {
        String stop = first.wantsFiguresSoFar() ? first.figuresSoFar(soFar, now) : null;
        String other = second.wantsFiguresSoFar() ? second.figuresSoFar(soFar, now) : null;
        return stop != null ? stop : other;
    }

    @Override
    public long[] requestBucketsMicros() {
        long[] bounds = first.requestBucketsMicros();
        return bounds != null ? bounds : second.requestBucketsMicros();
    }

    @Override
    public void requestsSoFar(java.util.List<dev.perf.metrics.RequestSoFar> requests, long lateSends, Progress now) {
        first.requestsSoFar(requests, lateSends, now);
        second.requestsSoFar(requests, lateSends, now);
    }

    @Override
    public boolean stageEnded(StageMetrics soFar) {
        boolean goOn = first.stageEnded(soFar);
        return second.stageEnded(soFar) && goOn;
    }

    @Override
    public void warmedUp(long exchanges, Duration took, boolean jitQuiet) {
        first.warmedUp(exchanges, took, jitQuiet);
        second.warmedUp(exchanges, took, jitQuiet);
    }

    @Override
    public void exchange(String block) {
        first.exchange(block);
        second.exchange(block);
    }
}
