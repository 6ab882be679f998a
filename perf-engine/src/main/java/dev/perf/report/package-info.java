/**
 * Consumers of a finished run: the console tables, {@code summary.json}, {@code resources.json}, tracked runs' JSON
 * and {@code perf:history}'s report. They read results ({@code dev.perf.metrics.LoadRun} and the figures) and never
 * reach back into the engine ({@code ImportDirectionTest}).
 */
package dev.perf.report;
