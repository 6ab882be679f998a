package dev.perf.run;

import dev.perf.scenario.Durations;
import dev.perf.scenario.Printable;
import dev.perf.scenario.Shard;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * This generator's part of a load split across several: which shard, the key that ties the shards of one run
 * together, and when they all start.
 *
 * @param shard   this generator's part
 * @param runKey  the same for every shard of one run (the CI's run id by default), or {@code null}
 * @param startAt when every shard starts its load, or {@code null} to start at once
 */
public record ShardOptions(Shard shard, String runKey, Instant startAt) {
    /** The CI variables that identify one run of a pipeline, which every shard of it shares, in this order. */
    static final List<String> RUN_KEY_VARIABLES = List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_TAG",
            "BUILDKITE_BUILD_ID", "CIRCLE_WORKFLOW_ID");

    /**
     * The shard options from the properties, else the environment.
     *
     * @param shard   {@code perf.shard} ({@code I/N}), or blank for {@code PERF_SHARD} or a Kubernetes Indexed Job
     * @param runKey  {@code perf.runKey}, or blank for the CI's run id
     * @param startAt {@code perf.startAt} (an ISO-8601 instant such as {@code 2026-12-02T10:00:00Z}, or one plus a
     *                delay: {@code 2026-12-02T10:00:00Z+5m}), or blank
     * @return {@code null} when this generator runs the whole load
     * @throws IllegalArgumentException naming the property, its value and what is valid
     */
    public static ShardOptions resolve(String shard, String runKey, String startAt, Map<String, String> environment) {
        Shard part = shard == null || shard.isBlank() ? Shard.fromEnvironment(environment)
                : Shard.parse(shard, "perf.shard");
        Instant start = startAt == null || startAt.isBlank() ? null : startAt(startAt.trim());
        if (part == null) {
            if (start != null) {
                throw new IllegalArgumentException("perf.startAt is set but this generator runs no shard: set "
                        + "perf.shard=I/N (or PERF_SHARD) too, or leave perf.startAt out");
            }
            return null;
        }
        String key = runKey == null || runKey.isBlank() ? null : runKey.trim();
        for (int i = 0; key == null && i < RUN_KEY_VARIABLES.size(); i++) {
            String value = environment.get(RUN_KEY_VARIABLES.get(i));
            key = value == null || value.isBlank() ? null : value.trim();
        }
        return new ShardOptions(part, key, start);
    }

    /**
     * An ISO-8601 UTC instant, or one plus a delay ({@code 2026-12-02T10:00:00Z+5m}): a value every shard shares, such
     * as the pipeline's creation time, and how long after it the load starts.
     */
    private static Instant startAt(String text) {
        int plus = text.lastIndexOf('+');
        try {
            if (plus > 0) {
                return Instant.parse(text.substring(0, plus).trim()).plus(Durations.parse(text.substring(plus + 1)
                        .trim()));
            }
            return Instant.parse(text);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("perf.startAt='" + Printable.quoted(text) + "' is not an instant: give "
                    + "every shard the same ISO-8601 UTC time, e.g. 2026-12-02T10:00:00Z, or one plus a delay, e.g. "
                    + "2026-12-02T10:00:00Z+5m");
        }
    }
}
