package dev.perf.scenario.yaml;

import dev.perf.scenario.Flow;
import dev.perf.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code environments:} chosen with -Dperf.env, and {@code include:} of shared requests and flows. */
class EnvironmentsAndIncludesTest {
    private static final String ENVIRONMENTS = """
            name: envs
            target: { baseUrl: "${env.BASE_URL:-http://localhost:8080}" }
            environments:
              local: { variables: { tenant: dev } }
              staging: { baseUrl: "https://staging.example.com/api/", variables: { tenant: beta, rate: 20 } }
            requests: [ { name: home, path: /home, headers: { X-Tenant: "${tenant}" } } ]
            load: { rate: "${rate:-5}/s", duration: 1s }
            """;
    @TempDir
    Path dir;

    private Scenario load(String yaml, Map<String, String> properties) throws Exception {
        return new ScenarioLoader(new Substitutor(Map.of(), properties)).parse(dir.resolve("s.yaml"), yaml);
    }

    @Test
    void theChosenEnvironmentGivesTheBaseUrlAndVariablesAndADashDPropertyStillWins() throws Exception {
        Scenario staging = load(ENVIRONMENTS, Map.of("perf.env", "staging"));
        assertThat(staging.baseUrl()).isEqualTo("https://staging.example.com/api");
        assertThat(staging.requests().get(0).headers()).containsEntry("X-Tenant", "beta");
        assertThat(staging.load().describe()).startsWith("20/s");
        assertThat(staging.environment()).as("recorded with its runs").isEqualTo("staging");

        Scenario local = load(ENVIRONMENTS, Map.of("perf.env", "local", "tenant", "from-command-line"));
        assertThat(local.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(local.requests().get(0).headers()).containsEntry("X-Tenant", "from-command-line");
        assertThat(local.environment()).isEqualTo("local");
        assertThat(load(ENVIRONMENTS, Map.of("tenant", "t")).environment()).as("none chosen").isNull();
    }

    @Test
    void anUnknownEnvironmentOrNoneWhereOneIsNeededIsAClearError() {
        assertThatThrownBy(() -> load(ENVIRONMENTS, Map.of("perf.env", "stagin"))).satisfies(e ->
                assertThat(e.getMessage()).contains("s.yaml:4:3: environments: -Dperf.env=stagin is not defined here; "
                        + "did you mean 'staging'? (defined: local, staging)"));
        assertThatThrownBy(() -> load(ENVIRONMENTS, Map.of())).satisfies(e ->
                assertThat(e.getMessage()).contains("property 'tenant' is not defined"));
    }

    @Test
    void includedRequestsAndFlowsJoinTheMixWithTheScenarioDefaults() throws Exception {
        Files.createDirectories(dir.resolve("shared"));
        Files.writeString(dir.resolve("shared/customers.yaml"), """
                requests:
                  - { name: list, path: /customers, weight: 2 }
                flows:
                  - name: journey
                    steps:
                      - { name: create, method: POST, path: /customers, capture: { id: $.id } }
                      - { name: read, path: "/customers/${id}" }
                """);
        Scenario s = load("""
                target: { baseUrl: http://localhost }
                defaults: { headers: { Accept: application/json } }
                requests: [ { name: home, path: / } ]
                include: [ shared/customers.yaml ]
                load: { rate: 1/s, duration: 1s }
                """, Map.of());
        assertThat(s.flows()).extracting(Flow::name).containsExactly("home", "list", "journey");
        assertThat(s.requests()).extracting(r -> r.name()).containsExactly("home", "list", "create", "read");
        assertThat(s.requests().get(1).headers()).containsEntry("Accept", "application/json");
        assertThat(s.flows().get(1).weight()).isEqualTo(2);
    }

    @Test
    void aProblemInAnIncludedFileNamesThatFileAndLine() throws Exception {
        Files.writeString(dir.resolve("shared.yaml"), "requests:\n  - { name: home, path: nope }\n");
        assertThatThrownBy(() -> load("""
                target: { baseUrl: http://localhost }
                requests: [ { name: home, path: / } ]
                include: [ shared.yaml, missing.yaml ]
                load: { rate: 1/s, duration: 1s }
                """, Map.of())).satisfies(e -> assertThat(e.getMessage())
                .contains("shared.yaml:2:5: requests[0].name: duplicate request name 'home'; it is already used on line 2")
                .contains("shared.yaml:2:25: requests[0].path: 'nope' must start with '/'")
                .contains("s.yaml:3:25: include: 'missing.yaml' is not a file"));
    }
}
