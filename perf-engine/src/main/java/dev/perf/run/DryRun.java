package dev.perf.run;

import dev.perf.engine.LoadEngine;
import dev.perf.engine.RunControl;
import dev.perf.engine.RunListener;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.LoadRun;
import dev.perf.metrics.RequestStats;
import dev.perf.report.Redact;
import dev.perf.scenario.Flow;
import dev.perf.scenario.Scenario;

import java.util.List;

/**
 * {@code perf.dryRun}: each flow (and each plain request) of each scenario sent once, by one user, every exchange
 * printed in full with secrets masked; nothing is judged, written or recorded. What a user reaches for first when a
 * check fails or a request is refused.
 */
final class DryRun {

    private DryRun() {
    }

    /** @return how many exchanges were sent */
    static long run(List<Scenario> scenarios, RunOptions options, RunControl control, Console console) {
        long exchanges = 0;
        for (Scenario scenario : scenarios) {
            for (Flow flow : scenario.flows()) {
                if (control.aborted()) {
                    return exchanges;
                }
                console.info("");
                console.info("Dry run of " + scenario.name() + ", " + (flow.single() ? "request " : "flow ")
                        + flow.name() + ", once, against " + Redact.url(scenario.baseUrl()));
                LoadRun run = new LoadEngine(options.engine().withHlogFile(null).withStartAt(null)
                        .withDebugExchanges(Integer.MAX_VALUE)).run(scenario.onceThrough(flow), control,
                        new Printing(console));
                RequestStats all = run.metrics().overall();
                exchanges += all.count();
                console.info("  " + all.count() + " exchange" + (all.count() == 1 ? "" : "s") + ", " + all.ok()
                        + " as expected" + (all.failed() == 0 ? "" : ", " + all.failed() + " not (unexpected status, "
                        + "failed check or capture, or no response)") + (run.stopReason() == null ? ""
                        : "; stopped: " + run.stopReason()));
            }
        }
        return exchanges;
    }

    /** An exchange's lines on the console, indented. */
    static void print(String block, Console console) {
        for (String line : block.split("\n")) {
            console.info("  " + line);
        }
    }

    /** Prints each exchange; no progress lines. */
    private record Printing(Console console) implements RunListener {
        @Override
        public void interval(IntervalPoint latest) {
        }

        @Override
        public void exchange(String block) {
            print(block, console);
        }
    }
}
