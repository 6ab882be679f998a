import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long validation takes for the worst inputs within and just beyond the limits, and the heap it needs. Usage
 * (bench/validate.sh): java -Xmx256m -cp ENGINE_CLASSPATH ValidateBench.java
 */
public class ValidateBench {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("validate-bench");
        String head = "target: { baseUrl: http://127.0.0.1:9 }\nload: { concurrency: 1, iterations: 1 }\n";
        Map<String, String> files = new LinkedHashMap<>();
        // the largest valid file: 1 MiB of requests, every one read by the readers
        StringBuilder wide = new StringBuilder(head + "requests:\n");
        for (int i = 0; wide.length() < 1024 * 1024 - 200; i++) {
            wide.append("  - { name: r").append(i).append(", path: /r").append(i)
                    .append(", query: { a: x }, headers: { X-A: b }, check: [ { bodyContains: ok } ] }\n");
        }
        files.put("1 MiB of requests (~9 000)", wide.toString());
        // within the limits: 190 000 values through aliases
        StringBuilder within = new StringBuilder(head + "requests:\n  - name: home\n    path: /\n    query:\n"
                + "      q: &q [" + "v, ".repeat(999) + "v]\n");
        for (int i = 0; i < 189; i++) {
            within.append("      k").append(i).append(": *q\n");
        }
        files.put("190 000 values through aliases (within)", within.toString());
        StringBuilder laughs = new StringBuilder("a0: &a0 [" + "x, ".repeat(9) + "x]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        files.put("billion laughs (10^10 values)", laughs + head + "requests: [ { name: a, path: / } ]\n");
        StringBuilder string = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            string.append("        ").append("x".repeat(35_000)).append('\n');
        }
        files.put("700 KB string aliased 20 000 times", head + "requests:\n  - name: a\n    path: /\n    headers:\n"
                + "      X-Big: &s |\n" + string + "    query:\n      q:\n" + "        - *s\n".repeat(20_000));
        files.put("80 000 aliases (1 MB)", head + "requests:\n  - name: a\n    path: /\n    query:\n"
                + "      a: &a [x, y]\n      b:\n" + "        - *a\n".repeat(80_000));
        files.put("nested defaults, 10 deep (the limit)", head + "requests: [ { name: a, path: \"/"
                + "${a:-".repeat(10) + "x" + "}".repeat(10) + "\" } ]\n");
        files.put("one 1 MiB line", head + "requests: [ { name: a, path: / } ]\n#" + "c".repeat(1024 * 1024 - 200) + "\n");
        files.put("3 MiB file (over the limit)", head + "#c\n".repeat(1024 * 1024) + "\n");

        ScenarioLoader loader = new ScenarioLoader(Substitutor.none());
        // round 0 is a cold JVM, as perf:validate is; round 2 after the JIT has compiled the loader
        for (int round = 0; round < 3; round++) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path file = dir.resolve("s.yaml");
                Files.writeString(file, e.getValue());
                System.gc();
                long start = System.nanoTime();
                String outcome;
                try {
                    loader.load(file);
                    outcome = "valid";
                } catch (ScenarioException ex) {
                    String first = ex.problems().get(0).message();
                    outcome = "refused: " + (first.length() > 70 ? first.substring(0, 70) + "..." : first);
                }
                double millis = (System.nanoTime() - start) / 1e6;
                if (round != 1) {
                    System.out.printf(Locale.ROOT, "%-5s %-42s %8.1f ms  %s%n", round == 0 ? "cold" : "warm",
                            e.getKey(), millis, outcome);
                }
            }
        }
        System.out.printf(Locale.ROOT, "max heap %d MB%n", Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }
}
