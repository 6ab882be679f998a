package dev.perf.maven;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;

/** What the goals that read scenario files share: where they are, which to take, skipping, and the build. */
abstract class ScenarioMojo extends AbstractMojo {

    /** Folder of the scenario files ({@code *.yaml}, {@code *.yml}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.scenariosDirectory", defaultValue = "${project.basedir}/src/test/perf")
    protected File scenariosDirectory;

    /** Comma-separated scenario names, file names or globs ({@code customer*}); all when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.scenario")
    protected String scenario;

    /** Skip the goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "perf.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;
}
