package dev.perf.run;

import dev.perf.report.ResultJson;
import dev.perf.report.SummaryJson;
import dev.perf.result.Invocation;
import dev.perf.result.RunMarker;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Keeps a verdict from outliving its run. Before anything is sent, the invocation's {@code summary.json} is replaced by
 * one that says {@code "status": "running"} with this process's id (and the previous {@code junit.xml} and
 * {@code summary.md} are removed), and each run's folder gets a {@code summary.json} saying the same until its results
 * replace it. A run that is killed (kill -9, the OOM killer, a CI timeout) therefore leaves "running" behind with a
 * process that no longer exists: {@code perf:verify} fails on it, and the next {@code perf:run} marks such run folders
 * {@code "status": "crashed"}.
 */
final class RunMarkers {

    private RunMarkers() {
    }

    /** Replaces the previous invocation's verdict before this one sends anything. */
    static void invocationStarted(Path output) throws IOException {
        markCrashedRuns(output);
        ResultJson.write(new Invocation(SummaryJson.SCHEMA_VERSION, null, Invocation.RUNNING,
                ProcessHandle.current().pid(), Instant.now().toString(), null, List.of()), output.resolve("summary.json"));
        Files.deleteIfExists(output.resolve("junit.xml"));
        Files.deleteIfExists(output.resolve("summary.md"));
    }

    /**
     * The scenarios were invalid, so nothing ran: a verdict an earlier invocation left in {@code output} is replaced by
     * one that says so (an output folder that does not exist is not created: nothing was run).
     */
    static void invalid(Path output, int invalidFiles) throws IOException {
        if (!Files.isRegularFile(output.resolve("summary.json"))) {
            return;
        }
        ResultJson.write(new Invocation(SummaryJson.SCHEMA_VERSION, "failed", Invocation.INVALID, null, null,
                List.of(invalidFiles + " scenario file(s) invalid: nothing was sent (see perf:validate)"), List.of()),
                output.resolve("summary.json"));
        Files.deleteIfExists(output.resolve("junit.xml"));
        Files.deleteIfExists(output.resolve("summary.md"));
    }

    /** Marks a run's folder as running until its results are written. */
    static void runStarted(Path runDirectory, String runId, String scenario) throws IOException {
        ResultJson.write(new RunMarker(SummaryJson.SCHEMA_VERSION, Invocation.RUNNING, ProcessHandle.current().pid(),
                Instant.now().toString(), runId, scenario, null, null), runDirectory.resolve("summary.json"));
    }

    /**
     * Run folders still marked running by a process that is gone: their run never ended. Marked crashed, so that the
     * folder says so.
     */
    static void markCrashedRuns(Path output) throws IOException {
        if (!Files.isDirectory(output)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(output, Files::isDirectory)) {
            for (Path folder : folders) {
                Path summary = folder.resolve("summary.json");
                RunMarker marker = read(summary);
                if (marker != null && Invocation.RUNNING.equals(marker.status()) && !alive(marker.pid())) {
                    ResultJson.write(marker.crashed("this run never ended: its process (pid " + marker.pid()
                            + ") stopped before writing results (killed, out of memory, or a CI timeout)"), summary);
                }
            }
        }
    }

    /** Whether the process a marker names is still running. */
    static boolean alive(Long pid) {
        return pid != null && pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static RunMarker read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ResultJson.read(file, RunMarker.class);
        } catch (IOException e) {
            return null;
        }
    }
}
