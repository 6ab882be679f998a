package dev.perf.maven;

import dev.perf.run.Console;
import dev.perf.run.PerfRunner;
import dev.perf.run.PerfSetupException;
import dev.perf.run.RunOptions;
import dev.perf.scenario.Scenario;
import dev.perf.scenario.yaml.ScenarioException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Checks every scenario file (YAML, keys, values, expressions, the files it names) exactly as {@code perf:run} does,
 * with the same messages, and sends nothing and starts nothing: fast enough for every build.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends ScenarioMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("perf:validate skipped (perf.skip=true)");
            return;
        }
        PerfRunner.Validation validation;
        try {
            validation = new PerfRunner(Console.SYSTEM).validate(new RunOptions(scenariosDirectory.toPath(), scenario,
                    null, null, ScenarioProperties.of(project, session), System.getenv(), null, null));
        } catch (PerfSetupException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (!validation.invalid().isEmpty()) {
            throw new MojoFailureException(validation.invalid().size() + " invalid scenario file(s):"
                    + System.lineSeparator() + validation.invalid().stream().map(ScenarioException::getMessage)
                    .collect(Collectors.joining(System.lineSeparator())));
        }
        getLog().info("perf: " + validation.valid().size() + " scenario(s) valid: " + validation.valid().stream()
                .map(Scenario::name).collect(Collectors.joining(", ")));
    }
}
