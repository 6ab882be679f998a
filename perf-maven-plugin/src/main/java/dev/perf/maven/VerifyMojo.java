package dev.perf.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails the build when the last {@code perf:run} failed, from the verdict it wrote ({@code target/perf/summary.json}).
 * Bind {@code perf:run} with {@code failOnThreshold=false} to {@code integration-test} and this to {@code verify}:
 * the run writes its results and dashboard and {@code post-integration-test} stops what the build started before
 * the build fails, as with Failsafe.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractMojo {

    /** Where perf:run wrote its results.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.outputDirectory", defaultValue = "${project.build.directory}/perf")
    private File outputDirectory;

    /** Skip the check.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perf:verify skipped (perf.skip=true)");
            return;
        }
        File index = new File(outputDirectory, "summary.json");
        if (!index.isFile()) {
            throw new MojoFailureException("no perf results in " + outputDirectory + " (summary.json is missing): "
                    + "run perf:run before perf:verify, or point perf.outputDirectory at its results");
        }
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(index);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read " + index + ": " + e.getMessage(), e);
        }
        List<String> failures = new ArrayList<>();
        for (JsonNode run : summary.path("runs")) {
            run.path("failures").forEach(f -> failures.add(run.path("scenario").asText() + ": " + f.asText()));
        }
        if (summary.path("status").asText().equals("partial")) {
            failures.add("the runs were interrupted before the end");
        }
        if (summary.path("verdict").asText().equals("passed") && failures.isEmpty()) {
            getLog().info("perf: the verdict in " + index + " is passed");
            return;
        }
        throw new MojoFailureException("perf: the verdict is failed (" + failures.size() + " reason(s)):"
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", failures)
                + System.lineSeparator() + "(results, junit.xml and the dashboard are in " + outputDirectory + ")");
    }
}
