/**
 * Recording what the engine observes: per-request, per-stage HdrHistogram recorders and counters on the hot path,
 * one-second interval snapshots, and the figures computed from them after a run. Latencies are recorded in
 * microseconds.
 */
package dev.perf.metrics;
