/**
 * YAML to scenario model: safe composition into a node tree (no Java types constructed, limits on size,
 * nesting and aliases), one small reader per section, and validation that collects every problem with its
 * file, line, column, field path, bad value and what is valid. An invalid file never reaches the engine.
 */
package dev.perf.scenario.yaml;
