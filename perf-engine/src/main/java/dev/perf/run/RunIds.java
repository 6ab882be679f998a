package dev.perf.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Run ids such as {@code 20261127-143005-customer-api}: sortable, readable, unique within an output folder. */
final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunIds() {
    }

    static String next(Path outputDirectory, String scenarioName, LocalDateTime now) {
        String base = STAMP.format(now) + "-" + scenarioName.replaceAll("[^A-Za-z0-9_.-]+", "_");
        String id = base;
        for (int n = 2; Files.exists(outputDirectory.resolve(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
