package dev.perf.run;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds scenario files and matches them against a {@code -Dperf.scenario} filter. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    /** {@code *.yaml} and {@code *.yml} files directly in {@code directory}, sorted by name. */
    static List<Path> list(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    /** Entries of a comma-separated filter; empty means everything. */
    static List<String> filterEntries(String filter) {
        List<String> entries = new ArrayList<>();
        if (filter != null) {
            for (String entry : filter.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    /** What is wrong with a {@code -Dperf.scenario} filter (a glob that does not compile), or {@code null}. */
    static String filterProblem(String filter) {
        for (String entry : filterEntries(filter)) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + entry);
            } catch (IllegalArgumentException e) {
                return "perf.scenario='" + dev.perf.scenario.Printable.quoted(filter) + "': '"
                        + dev.perf.scenario.Printable.quoted(entry) + "' is not a valid glob ("
                        + (e instanceof java.util.regex.PatternSyntaxException p ? p.getDescription() : e.getMessage())
                        + "); give scenario names, file names or globs such as customer*, separated by commas";
            }
        }
        return null;
    }

    /** Whether a file or a scenario name matches one filter entry: exact name, file name, or glob. */
    static boolean matches(List<String> entries, Path file, String scenarioName) {
        if (entries.isEmpty()) {
            return true;
        }
        String fileName = file.getFileName().toString();
        String baseName = fileName.replaceFirst("\\.ya?ml$", "");
        for (String entry : entries) {
            if (entry.equals(fileName) || entry.equals(baseName) || entry.equals(scenarioName)) {
                return true;
            }
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + entry);
            if (glob.matches(Path.of(fileName)) || glob.matches(Path.of(baseName))
                    || (scenarioName != null && !scenarioName.contains("/") && glob.matches(Path.of(scenarioName)))) {
                return true;
            }
        }
        return false;
    }
}
