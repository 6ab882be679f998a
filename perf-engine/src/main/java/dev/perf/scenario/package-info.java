/**
 * The scenario model: immutable, validated records describing what to send, how hard and what to expect.
 * Built from YAML by {@link dev.perf.scenario.yaml.ScenarioLoader}; consumed by the engine. Nothing here runs.
 */
package dev.perf.scenario;
