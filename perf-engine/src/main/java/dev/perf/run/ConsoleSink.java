package dev.perf.run;

import dev.perf.report.ConsoleReport;
import dev.perf.report.RegressionReport;
import dev.perf.report.RunSink;

/** A scenario's run on the console: its tables, analysis, thresholds, the comparison with the baseline, its folder. */
final class ConsoleSink implements RunSink<ScenarioOutcome> {
    private final Console console;
    private final boolean history;

    /** @param history whether the runs are compared with a history (else the comparison is not mentioned) */
    ConsoleSink(Console console, boolean history) {
        this.console = console;
        this.history = history;
    }

    @Override
    public String runEnded(ScenarioOutcome o) {
        ConsoleReport.print(o.scenario(), o.run(), o.figures(), o.generator(), o.thresholds(), console::info);
        RegressionReport.print(o.regressions(), history ? o.figures().baselines() : null, o.failOnRegression(),
                console::info);
        console.info("  results: " + o.runDirectory());
        return null;
    }
}
