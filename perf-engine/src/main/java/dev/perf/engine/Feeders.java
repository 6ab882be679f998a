package dev.perf.engine;

import dev.perf.scenario.FeederSpec;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's feeders: hands records to flow iterations by each feeder's order and sharing. A sequential feeder that
 * runs out stops the run (as Gatling does) instead of repeating records silently.
 */
final class Feeders {
    private final Source[] sources;
    private final RunControl control;

    Feeders(List<FeederSpec> feeders, RunControl control) {
        this.sources = feeders.stream().map(Source::new).toArray(Source[]::new);
        this.control = control;
    }

    /** The index of the feeder that has {@code column}, or -1. */
    int feederOf(String column) {
        for (int i = 0; i < sources.length; i++) {
            if (sources[i].spec.columns().contains(column)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Puts the records of the given feeders into the session.
     *
     * @param user the closed model's user, or -1 (every arrival of the open model is a user of its own)
     * @return false when a sequential feeder ran out: the run is stopped, the iteration must not be sent
     */
    boolean feed(int[] feeders, int user, Session session) {
        for (int f : feeders) {
            Source source = sources[f];
            List<String> record = source.spec.share() == FeederSpec.Share.PER_USER && user >= 0
                    ? source.forUser(user) : source.take();
            if (record == null) {
                FeederSpec spec = source.spec;
                control.stop(String.format(Locale.ROOT, "feeder '%s' (%s) ran out after its %d records; a sequential "
                        + "feeder never repeats a record: add records, or use order: circular", spec.name(),
                        spec.file().getFileName(), spec.records().size()));
                return false;
            }
            for (int c = 0; c < record.size(); c++) {
                session.put(source.spec.columns().get(c), record.get(c));
            }
        }
        return true;
    }

    private static final class Source {
        final FeederSpec spec;
        final AtomicLong next = new AtomicLong();
        final Map<Integer, List<String>> perUser = new ConcurrentHashMap<>();

        Source(FeederSpec spec) {
            this.spec = spec;
        }

        /** The next record, or {@code null} when a sequential feeder has none left. */
        List<String> take() {
            List<List<String>> records = spec.records();
            return switch (spec.order()) {
                case SEQUENTIAL -> {
                    long i = next.getAndIncrement();
                    yield i < records.size() ? records.get((int) i) : null;
                }
                case CIRCULAR -> records.get((int) (next.getAndIncrement() % records.size()));
                case RANDOM -> records.get(ThreadLocalRandom.current().nextInt(records.size()));
            };
        }

        /** The user's record: taken at its first iteration, then kept. */
        List<String> forUser(int user) {
            List<String> mine = perUser.get(user);
            if (mine == null) {
                mine = take();
                if (mine != null) {
                    perUser.put(user, mine);
                }
            }
            return mine;
        }
    }
}
