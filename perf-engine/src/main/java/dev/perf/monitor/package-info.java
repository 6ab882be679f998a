/**
 * Watching resources while a test runs, with OSHI: the machine, the load generator (this JVM) and the target
 * process. A sampler thread turns the operating system's cumulative counters into rates between samples; a figure a
 * platform does not give is absent ({@code NaN} here, {@code null} in JSON), never zero.
 */
package dev.perf.monitor;
