package dev.perf.testing;

import dev.perf.scenario.Scenario;
import dev.perf.scenario.yaml.ScenarioException;
import dev.perf.scenario.yaml.ScenarioLoader;
import dev.perf.scenario.yaml.Substitutor;

import java.nio.file.Path;
import java.util.Map;

/** Builds scenarios from YAML text in tests, the way users write them. */
public final class Scenarios {

    private Scenarios() {
    }

    public static Scenario parse(String yaml) {
        try {
            return new ScenarioLoader(Substitutor.none()).parse(Path.of("test.yaml"), yaml);
        } catch (ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static ScenarioException problems(String yaml) {
        return problems(yaml, Map.of(), Map.of());
    }

    public static ScenarioException problems(String yaml, Map<String, String> env, Map<String, String> properties) {
        try {
            new ScenarioLoader(new Substitutor(env, properties)).parse(Path.of("test.yaml"), yaml);
        } catch (ScenarioException e) {
            return e;
        }
        throw new AssertionError("expected validation problems, but the scenario was valid:\n" + yaml);
    }
}
