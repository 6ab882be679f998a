/**
 * Judging a run: thresholds (modelled in {@code dev.perf.scenario}) evaluated against computed figures, the default
 * gates, the generator check, the scalability analysis, baselines, regressions and change points.
 */
package dev.perf.analysis;
