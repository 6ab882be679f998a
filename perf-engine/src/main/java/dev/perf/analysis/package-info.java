/**
 * Judging a run: threshold expressions, their parser and their evaluation against computed figures.
 */
package dev.perf.analysis;
