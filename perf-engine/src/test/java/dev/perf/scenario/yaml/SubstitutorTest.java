package dev.perf.scenario.yaml;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubstitutorTest {
    private final Substitutor substitutor = new Substitutor(Map.of("HOST", "example.test", "EMPTY", ""),
            Map.of("port", "9090", "demo.port", "18080"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            plain                                           | plain
            http://${env.HOST}:${port}                       | http://example.test:9090
            ${env.MISSING:-fallback}                         | fallback
            ${env.EMPTY:-fallback}                           | fallback
            ${missing:-x}                                    | x
            ${env.URL:-http://127.0.0.1:${demo.port}}/api    | http://127.0.0.1:18080/api
            price $${not.a.variable}                         | price ${not.a.variable}
            """)
    void substitutes(String text, String expected) {
        assertThat(substitutor.apply(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ${env.MISSING}      | environment variable MISSING is not set
            ${nope}             | property 'nope' is not defined; pass -Dnope=value
            ${port              | unclosed '${'
            """)
    void explainsWhatIsMissing(String text, String fragment) {
        assertThatThrownBy(() -> substitutor.apply(text)).hasMessageContaining(fragment);
    }
}
