/**
 * Tracking operations inside ordinary tests: each execution's duration, outcome, thread CPU time and allocations,
 * collected per test class into the same figures, thresholds, history and dashboard as a load run. Free of any test
 * framework: {@code perf-junit} drives it from JUnit 5.
 */
package dev.perf.track;
