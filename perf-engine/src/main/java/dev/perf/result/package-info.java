/**
 * The results perf writes, as types: a run's {@code summary.json} ({@link dev.perf.result.RunResult}), its
 * {@code resources.json} ({@link dev.perf.result.ResourceSamples}), and the invocation's {@code summary.json}
 * ({@link dev.perf.result.Invocation}). The report package fills them from a run and writes them; the dashboard,
 * {@code perf:verify} and the runner read them back. The shapes are the contract of
 * {@code schema/perf-summary.schema.json}: a figure that could not be computed is {@code null}, never 0; a part that
 * does not apply (a stage that sent nothing, a tracked test's target) is left out. A leaf: it uses no other package.
 */
package dev.perf.result;
