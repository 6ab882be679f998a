package dev.perf.run;

import dev.perf.report.ResultJson;
import dev.perf.result.Invocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the verdict an invocation of {@code perf:run} left in {@code <output>/summary.json}, for {@code perf:verify}.
 * Only a summary that a run finished writing counts: a missing file, one still marked running (its process killed, or
 * still going), a partial run or an unreadable file is a failure, each with its own message.
 *
 * @param verdict      passed, failed or inconclusive; {@code null} when there is no usable verdict
 * @param failures     why the build must fail, one line each (empty when it may pass)
 * @param inconclusive what could not be judged, one line each
 */
public record VerdictFile(String verdict, List<String> failures, List<String> inconclusive) {

    public boolean passes() {
        return failures.isEmpty();
    }

    public static VerdictFile read(Path output) {
        Path index = output.resolve("summary.json");
        if (!Files.isRegularFile(index)) {
            return failed("no perf results in " + output + " (summary.json is missing): run perf:run before "
                    + "perf:verify, or point perf.outputDirectory at its results");
        }
        Invocation summary;
        try {
            summary = ResultJson.read(index, Invocation.class);
            if (summary == null) {
                throw new IOException("it holds null");
            }
        } catch (IOException e) {
            return failed("cannot read " + index + " (" + e.getMessage() + "): it is damaged or was cut short; run "
                    + "perf:run again");
        }
        String status = String.valueOf(summary.status());
        if (status.equals(Invocation.RUNNING)) {
            String started = summary.startTime() == null ? "?" : summary.startTime();
            return failed(RunMarkers.alive(summary.pid())
                    ? "the perf:run that started at " + started + " (pid " + summary.pid() + ") is still going: no "
                    + "verdict yet"
                    : "the perf:run that started at " + started + " (pid " + summary.pid() + ") never finished: it was "
                    + "killed or crashed (out of memory, a CI timeout), so there is no verdict; its partial output is in "
                    + output);
        }
        List<String> failures = new ArrayList<>();
        List<String> inconclusive = new ArrayList<>();
        for (Invocation.Run run : listed(summary.runs())) {
            listed(run.failures()).forEach(f -> failures.add(run.scenario() + ": " + f));
            listed(run.inconclusive()).forEach(f -> inconclusive.add(run.scenario() + ": " + f));
        }
        failures.addAll(listed(summary.problems()));
        if (status.equals(Invocation.PARTIAL)) {
            failures.add("the runs were interrupted before the end (status partial)");
        } else if (status.equals(Invocation.INVALID)) {
            return new VerdictFile("failed", failures, inconclusive);
        } else if (!status.equals(Invocation.COMPLETED)) {
            failures.add(index + " has no known status ('" + status + "'): it was not written by this perf:run");
        }
        String verdict = summary.verdict();
        if (verdict == null || !(verdict.equals("passed") || verdict.equals("inconclusive") || verdict.equals("failed"))) {
            failures.add(index + " holds no verdict");
        } else if (verdict.equals("failed") && failures.isEmpty()) {
            failures.add("the verdict is failed");
        }
        return new VerdictFile(verdict, failures, inconclusive);
    }

    private static <T> List<T> listed(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static VerdictFile failed(String why) {
        return new VerdictFile(null, List.of(why), List.of());
    }
}
