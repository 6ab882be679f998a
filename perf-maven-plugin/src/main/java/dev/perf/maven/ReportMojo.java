package dev.perf.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;

/**
 * Renders the static dashboard ({@code index.html}) again from the results in {@code target/perf}, without
 * running anything.
 */
@Mojo(name = "report", threadSafe = true)
public class ReportMojo extends AbstractMojo {

    /** Where perf:run wrote its results.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.outputDirectory", defaultValue = "${project.build.directory}/perf")
    private File outputDirectory;

    @Override
    public void execute() throws MojoFailureException {
        if (!Files.isRegularFile(outputDirectory.toPath().resolve("summary.json"))) {
            throw new MojoFailureException("no results in " + outputDirectory + " (summary.json is missing); run "
                    + "perf:run first, or point perf.outputDirectory at its results");
        }
        if (!DashboardPages.render(outputDirectory.toPath(), getLog())) {
            throw new MojoFailureException("the dashboard could not be rendered from " + outputDirectory);
        }
    }
}
