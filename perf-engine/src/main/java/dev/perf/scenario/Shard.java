package dev.perf.scenario;

import java.util.Map;

/**
 * One part of a load split across several generators (CI matrix jobs, a Kubernetes Indexed Job): shard
 * {@code index} of {@code count}, counted from 1. Each shard runs its share of the same scenario; a merge of their
 * results is the whole run.
 *
 * @param index 1 to {@code count}
 * @param count how many shards run the scenario, 1 to {@value #MAX_SHARDS}
 */
public record Shard(int index, int count) {
    public static final int MAX_SHARDS = 1000;
    /** The environment variable a CI matrix sets: {@code I/N}. */
    public static final String VARIABLE = "PERF_SHARD";
    /** With Kubernetes' {@code JOB_COMPLETION_INDEX} (0-based): how many shards there are. */
    public static final String COUNT_VARIABLE = "PERF_SHARD_COUNT";
    public static final String KUBERNETES_INDEX = "JOB_COMPLETION_INDEX";

    public Shard {
        if (count < 1 || count > MAX_SHARDS || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not valid: I/N with 1 <= I <= N <= "
                    + MAX_SHARDS);
        }
    }

    /**
     * @param value {@code I/N}, e.g. {@code 2/4}
     * @param name  where the value came from, for the message (perf.shard, PERF_SHARD)
     * @throws IllegalArgumentException naming {@code name}, the value and what is valid
     */
    public static Shard parse(String value, String name) {
        String v = value.trim();
        int slash = v.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(v.substring(0, slash).trim()),
                        Integer.parseInt(v.substring(slash + 1).trim()));
            }
        } catch (IllegalArgumentException e) {
            // said below
        }
        throw new IllegalArgumentException(name + "='" + Printable.quoted(v) + "' is not a shard: give I/N, this "
                + "generator's part I (from 1) of N parts (at most " + MAX_SHARDS + "), e.g. 2/4");
    }

    /**
     * The shard the environment names: {@value #VARIABLE} ({@code I/N}), else a Kubernetes Indexed Job's
     * {@value #KUBERNETES_INDEX} (from 0) with {@value #COUNT_VARIABLE}; {@code null} when neither is set.
     */
    public static Shard fromEnvironment(Map<String, String> environment) {
        String shard = environment.get(VARIABLE);
        if (shard != null && !shard.isBlank()) {
            return parse(shard, VARIABLE);
        }
        String index = environment.get(KUBERNETES_INDEX);
        String count = environment.get(COUNT_VARIABLE);
        if (count == null || count.isBlank()) {
            return null;
        }
        if (index == null || index.isBlank()) {
            throw new IllegalArgumentException(COUNT_VARIABLE + "=" + Printable.quoted(count) + " is set but "
                    + KUBERNETES_INDEX + " is not: run as a Kubernetes Indexed Job, or set " + VARIABLE + "=I/N");
        }
        try {
            return new Shard(Integer.parseInt(index.trim()) + 1, Integer.parseInt(count.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KUBERNETES_INDEX + "=" + Printable.quoted(index) + " and "
                    + COUNT_VARIABLE + "=" + Printable.quoted(count) + " are not a shard: an index from 0 below a count "
                    + "from 1 to " + MAX_SHARDS);
        }
    }

    /** This shard's part of {@code total}: an equal share, the remainder going one each to the first shards. */
    public long share(long total) {
        return total / count + (index - 1 < total % count ? 1 : 0);
    }

    /** This shard's part of {@code total} when it splits into the contiguous ranges of all shards: its first item. */
    public long firstOf(long total) {
        return (index - 1) * (total / count) + Math.min(index - 1, total % count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
