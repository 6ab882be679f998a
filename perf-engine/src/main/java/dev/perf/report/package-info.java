/**
 * Consumers of a finished run: the console summary table and {@code summary.json}. They read results and
 * never reach back into the engine.
 */
package dev.perf.report;
