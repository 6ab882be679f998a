package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Map;

/** A run's {@code resources.json}: its {@link Resources} and every sample. */
public record ResourceSamples(int schemaVersion, String runId, @JsonUnwrapped Resources resources,
                              List<Sample> samples) {

    /**
     * One sample: each watched scope's figures by name, {@code null} where one could not be read.
     *
     * @param t    seconds from the start
     * @param time when it was taken
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sample(double t, String time, Map<String, Double> machine, Map<String, Double> generator,
                         Map<String, Double> target) {

        /** The figures of a scope by its key, or an empty map when it was not sampled. */
        public Map<String, Double> of(String scope) {
            Map<String, Double> values = switch (scope) {
                case "machine" -> machine;
                case "generator" -> generator;
                case "target" -> target;
                default -> null;
            };
            return values == null ? Map.of() : values;
        }
    }
}
