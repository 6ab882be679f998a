package dev.perf.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's packages depend on each other in one direction, as {@code docs/architecture.md} draws them: the model
 * (scenario with its thresholds, and its YAML reader) at the bottom, then the figures (metrics), the engine that records
 * them, the monitor, the analysis of figures, the history, the reports, tracked tests, and the runner on top. A
 * package uses only those below it (by import or by a qualified name in code); this test fails the build on any other
 * use, naming file and line.
 */
class ImportDirectionTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/perf");
    /** An import, or a fully qualified name in code. */
    private static final Pattern REFERENCE = Pattern.compile("(?<![\\w.])dev\\.perf\\.([a-z.]+?)\\.[A-Z]");

    /** Each package and the packages it may import (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("scenario", Set.of()),
            Map.entry("scenario.yaml", Set.of("scenario")),
            Map.entry("metrics", Set.of("scenario")),
            Map.entry("engine", Set.of("scenario", "metrics")),
            Map.entry("monitor", Set.of("scenario")),
            Map.entry("analysis", Set.of("scenario", "metrics", "monitor")),
            Map.entry("result", Set.of()),
            Map.entry("history", Set.of("scenario", "metrics", "monitor", "analysis")),
            Map.entry("report", Set.of("scenario", "metrics", "monitor", "analysis", "history", "result")),
            Map.entry("track", Set.of("scenario", "scenario.yaml", "metrics", "monitor",
                    "analysis", "history", "result", "report")),
            Map.entry("live", Set.of("scenario", "metrics", "engine", "monitor", "analysis")),
            Map.entry("run", Set.of("scenario", "scenario.yaml", "metrics", "engine", "monitor",
                    "analysis", "history", "result", "report", "live")));

    @Test
    void everyImportFollowsTheDirection() throws IOException {
        List<String> against = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
            assertThat(ALLOWED).as("%s is in a package the direction does not place", file).containsKey(pkg);
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                    continue; // documentation may point anywhere
                }
                Matcher m = REFERENCE.matcher(line);
                while (m.find()) {
                    if (!m.group(1).equals(pkg) && !ALLOWED.get(pkg).contains(m.group(1))) {
                        against.add(file + ":" + (i + 1) + ": " + pkg + " uses " + m.group(1) + " (" + line + ")");
                    }
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
        assertThat(against).as("imports against the direction").isEmpty();
    }
}
