package dev.perf.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file whose rows feed variables (named by its header row) to flow iterations.
 *
 * @param name    the key under {@code feeders:}, for messages and results
 * @param file    the CSV file (a relative path is resolved against the scenario file's folder)
 * @param columns the header row: the variables each record sets
 * @param records the rows, each as long as the header
 */
public record FeederSpec(String name, Path file, List<String> columns, List<List<String>> records, Order order,
                         Share share) {

    public FeederSpec {
        columns = List.copyOf(columns);
        records = records.stream().map(List::copyOf).toList();
    }

    /** Which record comes next. */
    public enum Order {
        /** In file order, once: when the records run out, the run stops and says so. */
        SEQUENTIAL,
        /** In file order, starting over at the end. */
        CIRCULAR,
        /** A random record each time. */
        RANDOM
    }

    /** Who takes a record. */
    public enum Share {
        /** Every flow iteration takes the next record. */
        GLOBAL,
        /** A virtual user takes a record at its first iteration and keeps it (in the open model every arrival is a user). */
        PER_USER
    }
}
