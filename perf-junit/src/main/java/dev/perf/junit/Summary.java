package dev.perf.junit;

import dev.perf.analysis.Baselines;
import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.RunMetrics;
import dev.perf.report.RegressionReport;
import dev.perf.track.TrackedRun;
import dev.perf.track.TrackedRunReport;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a tracked test class prints when it ends, and the failure it raises when its thresholds broke. */
final class Summary {
    private static final String NONE = "n/a";

    private Summary() {
    }

    static void print(TrackedRun run, TrackedRunReport.Outcome outcome, Baselines baselines) {
        RunMetrics metrics = outcome.metrics();
        Map<String, OperationCost> costs = outcome.costs();
        StringBuilder out = new StringBuilder();
        out.append("[perf] ").append(run.test()).append(": ").append(outcome.passed() ? outcome.judgement().verdict().key() : "FAILED")
                .append(" - ").append(metrics.byRequest().size()).append(" operations, ")
                .append(metrics.overall().count()).append(" executions");
        out.append(outcome.recordedIn() != null ? "; recorded in " + outcome.recordedIn() : "; not recorded in a history");
        out.append(" (run ").append(outcome.runId()).append(")");
        for (RequestStats op : metrics.byRequest().values()) {
            out.append(System.lineSeparator()).append("[perf]   ").append(line(op, costs.get(op.name())));
        }
        for (String op : outcome.failedOps()) {
            out.append(System.lineSeparator()).append("[perf]   failed executions of ").append(op)
                    .append(" make the run's verdict failed (a success-rate threshold would say how many may fail)");
        }
        for (ThresholdResult breach : outcome.breaches()) {
            out.append(System.lineSeparator()).append("[perf]   breached: ").append(breach.describe());
        }
        RegressionReport.print(outcome.regressions(), baselines, outcome.failOnRegression(),
                line -> out.append(System.lineSeparator()).append("[perf] ").append(line));
        System.out.println(out);
    }

    /** One operation: executions, outcome, latency and cost. */
    static String line(RequestStats op, OperationCost cost) {
        return String.format(Locale.ROOT, "%s: %d executions, %d failed, p50 %s, p95 %s, max %s, cpu %s, allocated %s",
                op.name(), op.count(), op.failed(), millis(op.percentileMillis(50)), millis(op.percentileMillis(95)),
                millis(op.maxMillis()), cost == null ? NONE : millis(cost.cpuMillisPerExecution()),
                cost == null || cost.allocatedBytesPerExecution() == null ? NONE
                        : String.format(Locale.ROOT, "%.1f KB", cost.allocatedBytesPerExecution() / 1024));
    }

    private static String millis(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f ms", value);
    }

    /**
     * Throws when a threshold judged at the end broke. A method's thresholds failed that test already, and failed
     * executions failed their tests (or were caught by them): they make the run's verdict failed without failing the
     * class again.
     */
    static void failIfBroken(TrackedRun run, TrackedRunReport.Outcome outcome) {
        String message = failure(run.test(), outcome.breachesAtEnd());
        if (outcome.failOnRegression() && !outcome.regressed().isEmpty()) {
            message = (message == null ? run.test() + " regressed against its baseline (perf.failOnRegression):"
                    : message + System.lineSeparator() + "and regressed against its baseline:")
                    + outcome.regressed().stream().map(f -> System.lineSeparator() + "  " + f.request() + " "
                    + f.metric() + ": " + f.shown() + ": " + f.reason()).collect(Collectors.joining());
        }
        if (message != null) {
            throw new AssertionFailedError(message);
        }
    }

    /** @return the failure's message, or {@code null} when no threshold broke */
    static String failure(String test, List<ThresholdResult> breaches) {
        if (breaches.isEmpty()) {
            return null;
        }
        return test + " broke " + (breaches.size() == 1 ? "a performance threshold:" : breaches.size()
                + " performance thresholds:") + breaches.stream().map(b -> System.lineSeparator() + "  " + b.describe())
                .collect(Collectors.joining());
    }
}
