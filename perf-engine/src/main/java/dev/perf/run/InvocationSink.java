package dev.perf.run;

import java.io.IOException;

/**
 * Where an invocation's runs go together once all ended: its summary.json, JUnit XML, Markdown summary, and whatever
 * the caller adds (the Maven plugin's dashboard). Called after the history is closed, in the order given.
 */
public interface InvocationSink {

    /** @throws IOException when its file cannot be written */
    void invocationEnded(RunReport report) throws IOException;
}
