package dev.perf.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A service the run starts itself (the demo target, or any command): started before the scenarios, polled until
 * it answers HTTP, and stopped by {@link #close()}. Its output goes to a log file. The owner stops it, also on
 * Ctrl-C ({@link PerfRunner} does so after the partial results are written).
 */
public final class TargetProcess implements AutoCloseable {
    private final Process process;
    private final Path logFile;

    private TargetProcess(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code command} and waits until {@code readyUrl} answers with any HTTP status.
     *
     * @throws PerfSetupException when it cannot start, exits early or is not ready in time
     */
    public static TargetProcess start(List<String> command, Path workingDirectory, Path logFile, URI readyUrl,
                                      Duration readyTimeout) throws IOException {
        return start(command, workingDirectory, logFile, readyUrl, readyTimeout, () -> false);
    }

    /**
     * As {@link #start(List, Path, Path, URI, Duration)}, giving up (and stopping the process) as soon as
     * {@code stopped} says so: Ctrl-C while a slow service starts.
     */
    public static TargetProcess start(List<String> command, Path workingDirectory, Path logFile, URI readyUrl,
                                      Duration readyTimeout, BooleanSupplier stopped) throws IOException {
        Files.createDirectories(logFile.getParent());
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        if (answers(probe, readyUrl)) {
            throw new PerfSetupException("something already answers at " + readyUrl + " before the target is started "
                    + "(a service left running from an earlier run?); stop it, or use another port");
        }
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            throw new PerfSetupException("cannot start the target " + command + ": " + e.getMessage(), e);
        }
        TargetProcess target = new TargetProcess(process, logFile);
        try {
            target.awaitReady(probe, readyUrl, readyTimeout, command, stopped);
        } catch (RuntimeException | IOException e) {
            target.close();
            throw e;
        }
        return target;
    }

    private void awaitReady(HttpClient probe, URI readyUrl, Duration timeout, List<String> command,
                            BooleanSupplier stopped) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stopped.getAsBoolean()) {
                throw new PerfSetupException("stopped while waiting for the target " + command + " to answer at "
                        + readyUrl + ": nothing was sent");
            }
            if (!process.isAlive()) {
                throw new PerfSetupException("the target " + command + " exited with code " + process.exitValue()
                        + " before answering at " + readyUrl + "; its output is in " + logFile + ":\n" + tail());
            }
            if (answers(probe, readyUrl)) {
                return;
            }
            sleep(100);
        }
        throw new PerfSetupException("the target " + command + " did not answer at " + readyUrl + " within "
                + timeout.toSeconds() + "s; its output is in " + logFile + ":\n" + tail());
    }

    /** Whether anything answers HTTP at {@code url} (any status). */
    private static boolean answers(HttpClient probe, URI url) {
        try {
            probe.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException notAnswering) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PerfSetupException("interrupted while waiting for the target");
        }
    }

    /** The last lines of the target's output (at most 20, from its last 16 KiB), printable whatever it wrote. */
    private String tail() throws IOException {
        byte[] end;
        try (var file = java.nio.channels.FileChannel.open(logFile)) {
            long from = Math.max(0, file.size() - 16 * 1024);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (file.size() - from));
            file.read(buffer, from);
            end = java.util.Arrays.copyOf(buffer.array(), buffer.position());
        }
        List<String> lines = new String(end, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        return dev.perf.scenario.Printable.escapeKeepingLines(
                String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
