/**
 * The front door for build tools and tests: find and validate every scenario (before any request is sent),
 * run each, judge it, write its results, and return one combined verdict. Also starts and stops a target
 * process when asked to.
 */
package dev.perf.run;
