package dev.perf.track;

import dev.perf.history.HistoryLocation;
import dev.perf.scenario.Secrets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How tests are tracked, from the same {@code perf.*} properties {@code perf:run} reads (as system properties, or
 * JUnit configuration parameters in {@code junit-platform.properties}).
 *
 * @param enabled          {@code perf.track}: {@code off} runs every test as if untracked (one execution, nothing
 *                         measured or written)
 * @param history          {@code perf.history}: the history file or JDBC URL, or {@code null} for none ({@code off})
 * @param outputDirectory  {@code perf.outputDirectory}: where each run's summary.json goes, under {@code tracked/}
 * @param projectDirectory where relative paths start and {@code .git} is looked for (Surefire's {@code basedir})
 * @param baselineRuns     {@code perf.baselineRuns}: earlier comparable runs that make the baseline
 * @param baselineBranch   {@code perf.baselineBranch}: the branch whose runs make the baseline, or {@code null}
 * @param monitor          {@code perf.track.monitor}: sample the machine and this JVM while a tracked class runs
 * @param regressionTolerance {@code perf.regressionTolerance} (percent, default 10), as a fraction: the change
 *                         from the baseline tolerated before a figure can be a regression
 * @param failOnRegression {@code perf.failOnRegression}: a regression fails the test class (default: reported)
 * @param secrets          {@code perf.secrets}: names of variables ({@code env.API_TOKEN}, or a property) whose values
 *                         are masked in the failure messages a run keeps
 */
public record TrackSettings(boolean enabled, String history, Path outputDirectory, Path projectDirectory,
                            int baselineRuns, String baselineBranch, boolean monitor, double regressionTolerance,
                            boolean failOnRegression, Secrets secrets) {

    /** With perf:run's defaults for regressions: a tolerance of 10%, reported without failing. */
    public TrackSettings(boolean enabled, String history, Path outputDirectory, Path projectDirectory,
                         int baselineRuns, String baselineBranch, boolean monitor) {
        this(enabled, history, outputDirectory, projectDirectory, baselineRuns, baselineBranch, monitor, 0.10, false,
                Secrets.none());
    }

    /**
     * @param property a property's value, or {@code null} when it is not set
     * @throws IllegalArgumentException naming the property, the bad value and what is valid
     */
    public static TrackSettings from(Function<String, String> property) {
        String basedir = property.apply("basedir");
        Path project = Path.of(basedir != null ? basedir : System.getProperty("user.dir", ".")).toAbsolutePath();
        boolean enabled = onOff(property, "perf.track", true);
        HistoryLocation location = HistoryLocation.parse(property.apply("perf.history"), project);
        String history = location == null ? null : location.value();
        String output = property.apply("perf.outputDirectory");
        Path outputDirectory = project.resolve(output == null || output.isBlank() ? "target/perf" : output.trim());
        String runs = property.apply("perf.baselineRuns");
        int baselineRuns;
        try {
            baselineRuns = runs == null || runs.isBlank() ? 5 : Integer.parseInt(runs.trim());
        } catch (NumberFormatException e) {
            baselineRuns = 0;
        }
        if (baselineRuns < 1 || baselineRuns > 1000) {
            throw new IllegalArgumentException("perf.baselineRuns is '" + runs + "'; expected a whole number of runs "
                    + "from 1 to 1000 (default 5)");
        }
        String branch = property.apply("perf.baselineBranch");
        String tolerance = property.apply("perf.regressionTolerance");
        double tolerancePercent;
        try {
            tolerancePercent = tolerance == null || tolerance.isBlank() ? 10 : Double.parseDouble(tolerance.trim());
        } catch (NumberFormatException e) {
            tolerancePercent = -1;
        }
        if (!(tolerancePercent >= 0 && tolerancePercent <= 1000)) {
            throw new IllegalArgumentException("perf.regressionTolerance is '" + tolerance + "'; expected a percentage "
                    + "from 0 to 1000 (default 10)");
        }
        return new TrackSettings(enabled, history, outputDirectory, project, baselineRuns,
                branch == null || branch.isBlank() ? null : branch.trim(), onOff(property, "perf.track.monitor", true),
                tolerancePercent / 100, onOff(property, "perf.failOnRegression", false), secrets(property));
    }

    /** The values of the variables {@code perf.secrets} names: {@code env.NAME} from the environment, else a property. */
    private static Secrets secrets(Function<String, String> property) {
        String names = property.apply("perf.secrets");
        List<String> values = new ArrayList<>();
        if (names != null) {
            for (String name : names.split(",")) {
                String n = name.trim();
                if (!n.isEmpty()) {
                    values.add(n.startsWith("env.") ? System.getenv(n.substring(4)) : property.apply(n));
                }
            }
        }
        return Secrets.of(values);
    }

    private static boolean onOff(Function<String, String> property, String name, boolean byDefault) {
        String value = property.apply(name);
        if (value == null || value.isBlank()) {
            return byDefault;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(name + " is '" + value + "'; expected on or off (or true or "
                    + "false)");
        };
    }
}
