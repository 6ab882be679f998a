package dev.perf.report;

import java.io.IOException;

/**
 * Where a judged run goes once it ended: its result files, the history, the console. Load runs and tracked tests go
 * through the same sinks; the runner calls them in order and knows none of them by name.
 *
 * @param <R> the runs it takes: any {@link JudgedRun}, or a kind of run with more to show
 */
public interface RunSink<R extends JudgedRun> {

    /**
     * Keeps or shows the run.
     *
     * @return why the run could not be kept, which fails the build (a run missing from the history changes later
     *         baselines silently); {@code null} when it was
     * @throws IOException when the run's result files cannot be written
     */
    String runEnded(R run) throws IOException;
}
