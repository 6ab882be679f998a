package dev.perf.run;

import java.util.ArrayList;
import java.util.List;

/** Keeps what a run prints, warnings prefixed with {@code WARN }, for assertions. */
public final class RecordingConsole implements Console {
    public final List<String> lines = new ArrayList<>();

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }
}
