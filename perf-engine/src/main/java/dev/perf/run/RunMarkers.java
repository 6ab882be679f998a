package dev.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.report.SummaryJson;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Keeps a verdict from outliving its run. Before anything is sent, the invocation's {@code summary.json} is replaced by
 * one that says {@code "status": "running"} with this process's id (and the previous {@code junit.xml} and
 * {@code summary.md} are removed), and each run's folder gets a {@code summary.json} saying the same until its results
 * replace it. A run that is killed (kill -9, the OOM killer, a CI timeout) therefore leaves "running" behind with a
 * process that no longer exists: {@code perf:verify} fails on it, and the next {@code perf:run} marks such run folders
 * {@code "status": "crashed"}.
 */
final class RunMarkers {
    static final String RUNNING = "running";
    static final String CRASHED = "crashed";
    static final String INVALID = "invalid";

    private RunMarkers() {
    }

    /** Replaces the previous invocation's verdict before this one sends anything. */
    static void invocationStarted(Path output) throws IOException {
        markCrashedRuns(output);
        ObjectNode root = marker();
        root.putNull("verdict");
        root.putArray("runs");
        SummaryJson.write(root, output.resolve("summary.json"));
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
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        root.put("schemaVersion", SummaryJson.SCHEMA_VERSION);
        root.put("status", INVALID);
        root.put("verdict", "failed");
        root.putArray("problems").add(invalidFiles + " scenario file(s) invalid: nothing was sent (see perf:validate)");
        root.putArray("runs");
        SummaryJson.write(root, output.resolve("summary.json"));
        Files.deleteIfExists(output.resolve("junit.xml"));
        Files.deleteIfExists(output.resolve("summary.md"));
    }

    /** Marks a run's folder as running until its results are written. */
    static void runStarted(Path runDirectory, String runId, String scenario) throws IOException {
        ObjectNode root = marker();
        root.put("runId", runId);
        root.put("scenario", scenario);
        root.putNull("verdict");
        SummaryJson.write(root, runDirectory.resolve("summary.json"));
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
                JsonNode node = read(summary);
                if (node != null && RUNNING.equals(node.path("status").asText()) && !alive(node)) {
                    ObjectNode crashed = (ObjectNode) node;
                    crashed.put("status", CRASHED);
                    crashed.put("note", "this run never ended: its process (pid " + node.path("pid").asLong()
                            + ") stopped before writing results (killed, out of memory, or a CI timeout)");
                    SummaryJson.write(crashed, summary);
                }
            }
        }
    }

    /** Whether the process a marker names is still running. */
    static boolean alive(JsonNode marker) {
        long pid = marker.path("pid").asLong(-1);
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return SummaryJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode marker() {
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        root.put("schemaVersion", SummaryJson.SCHEMA_VERSION);
        root.put("status", RUNNING);
        root.put("pid", ProcessHandle.current().pid());
        root.put("startTime", Instant.now().toString());
        return root;
    }
}
