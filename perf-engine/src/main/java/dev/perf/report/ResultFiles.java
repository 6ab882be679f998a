package dev.perf.report;

import java.io.IOException;
import java.nio.file.Files;

/** Writes a run's {@code summary.json}, and {@code resources.json} when it was monitored, into its folder. */
public final class ResultFiles implements RunSink<JudgedRun> {
    public static final String SUMMARY = "summary.json";
    public static final String RESOURCES = "resources.json";

    @Override
    public String runEnded(JudgedRun run) throws IOException {
        Files.createDirectories(run.directory());
        if (run.samples() != null) {
            ResultJson.write(run.samples(), run.directory().resolve(RESOURCES));
        }
        ResultJson.write(run.result(), run.directory().resolve(SUMMARY));
        return null;
    }
}
