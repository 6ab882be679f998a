/**
 * The load engine: turns a scenario's stages into HTTP traffic through one AsyncHttpClient per run.
 * Open-model stages are paced by a {@link dev.perf.engine.Pacer} that gives each arrival an intended send
 * time (latency is measured from it, free of coordinated omission); closed-model stages loop virtual users.
 * The engine records into {@link dev.perf.metrics} and knows nothing of reports.
 */
package dev.perf.engine;
