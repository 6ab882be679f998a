package dev.perf.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A service for the run to start before its scenarios and stop after them.
 *
 * @param command          program and arguments
 * @param workingDirectory where it runs
 * @param readyUrl         polled until it answers HTTP (any status)
 * @param readyTimeout     how long to wait for that
 * @param logFile          where its output goes
 */
public record TargetCommand(List<String> command, Path workingDirectory, URI readyUrl, Duration readyTimeout,
                            Path logFile) {

    public TargetCommand {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("the target command is empty");
        }
    }
}
