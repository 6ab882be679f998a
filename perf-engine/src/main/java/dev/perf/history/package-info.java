/**
 * The run history: every run kept in a SQLite database (schema migrations on open, WAL, one writer, one
 * transaction per run), with its HdrHistograms in their compressed encoding so that percentiles over days come from
 * merged histograms; trends and reports read it back.
 */
package dev.perf.history;
