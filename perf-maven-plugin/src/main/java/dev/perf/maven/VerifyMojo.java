package dev.perf.maven;

import dev.perf.run.VerdictFile;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/**
 * Fails the build when the last {@code perf:run} failed, from the verdict it wrote ({@code target/perf/summary.json}):
 * also when there is no verdict to trust (no summary, one left "running" by a run that was killed, a partial run).
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
        VerdictFile verdict = VerdictFile.read(outputDirectory.toPath());
        if (!verdict.inconclusive().isEmpty()) {
            getLog().warn("perf: " + verdict.inconclusive().size() + " verdict(s) could not be judged (inconclusive):"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", verdict.inconclusive()));
        }
        if (verdict.passes()) {
            getLog().info("perf: the verdict in " + new File(outputDirectory, "summary.json") + " is " + verdict.verdict());
            return;
        }
        throw new MojoFailureException("perf: the verdict is failed (" + verdict.failures().size() + " reason(s)):"
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", verdict.failures())
                + System.lineSeparator() + "(results, junit.xml and the dashboard are in " + outputDirectory + ")");
    }
}
