package dev.perf.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/goals.md names every goal of the plugin and every parameter the mojos declare, with its property:
 * read from the mojos' sources, so a parameter added in code and not in the reference fails the build.
 */
class GoalsDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MOJO = Pattern.compile("@Mojo\\(name = \"([a-z-]+)\"");
    private static final Pattern PARAMETER = Pattern.compile(
            "@Parameter\\(([^)]*)\\)\\s+(?:protected |private )?[\\w<>]+ (\\w+);");
    private static final Pattern PROPERTY = Pattern.compile("property = \"([\\w.]+)\"");

    @Test
    void theReferenceNamesEveryGoalAndParameter() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/reference/goals.md"));
        List<String> missing = new ArrayList<>();
        int parameters = 0;
        List<Path> mojos;
        try (Stream<Path> files = Files.list(ROOT.resolve("perf-maven-plugin/src/main/java/dev/perf/maven"))) {
            mojos = files.filter(f -> f.getFileName().toString().endsWith("Mojo.java")).sorted().toList();
        }
        for (Path mojo : mojos) {
            String source = Files.readString(mojo);
            Matcher name = MOJO.matcher(source);
            if (name.find() && !doc.contains("`perf:" + name.group(1) + "`")) {
                missing.add("goal perf:" + name.group(1));
            }
            Matcher p = PARAMETER.matcher(source);
            while (p.find()) {
                if (p.group(1).contains("readonly = true")) {
                    continue;
                }
                parameters++;
                if (!doc.contains("`" + p.group(2) + "`")) {
                    missing.add(mojo.getFileName() + ": parameter " + p.group(2));
                }
                Matcher property = PROPERTY.matcher(p.group(1));
                if (property.find() && !doc.contains("`" + property.group(1) + "`")
                        && !doc.contains("`perf." + property.group(1).substring(5))) {
                    missing.add(mojo.getFileName() + ": property " + property.group(1));
                }
            }
        }
        assertThat(parameters).isGreaterThan(20);
        assertThat(missing).as("missing from docs/reference/goals.md").isEmpty();
    }
}
