package dev.perf.history;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one reading of perf.history, and where a server history's credentials come from. */
class HistoryLocationTest {
    private static final Path PROJECT = Path.of("/work/project");

    @Test
    void aFileIsResolvedInTheProjectAndUrlsAreKeptAsGiven() {
        assertThat(HistoryLocation.parse(null, PROJECT).value()).isEqualTo("/work/project/.perf/history.db");
        assertThat(HistoryLocation.parse("off", PROJECT)).isNull();
        assertThat(HistoryLocation.parse("jdbc:postgresql://db:5432/perf?sslmode=verify-full", PROJECT).value())
                .isEqualTo("jdbc:postgresql://db:5432/perf?sslmode=verify-full");
        assertThat(HistoryLocation.server("jdbc:postgresql://db:5432/perf?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/perf");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        for (String url : new String[]{"jdbc:postgresql://db/perf?user=perf&password=hunter2-x",
                "jdbc:postgresql://db/perf?sslmode=require&PASSWORD=hunter2-x",
                "jdbc:postgresql://db/perf?sslpassword=hunter2-x"}) {
            assertThatThrownBy(() -> HistoryLocation.parse(url, PROJECT)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(HistoryCredentials.PASSWORD).hasMessageNotContaining("hunter2-x");
        }
        assertThatThrownBy(() -> HistoryLocation.parse("jdbc:mysql://db/perf", PROJECT))
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void credentialsComeFromPerfsVariablesElsePostgresqlsAndAreNeverPrinted() {
        HistoryCredentials own = HistoryCredentials.fromEnvironment(Map.of("PERF_HISTORY_USER", "ci",
                "PERF_HISTORY_PASSWORD", "hunter2-x", "PGUSER", "other", "PGPASSWORD", "other-x"));
        assertThat(own).extracting(HistoryCredentials::user, HistoryCredentials::password)
                .containsExactly("ci", "hunter2-x");
        assertThat(own.toString()).contains("ci").doesNotContain("hunter2-x");
        assertThat(HistoryCredentials.fromEnvironment(Map.of("PGUSER", "pg", "PGPASSWORD", "pg-x")))
                .extracting(HistoryCredentials::user, HistoryCredentials::password).containsExactly("pg", "pg-x");
        assertThat(HistoryCredentials.fromEnvironment(Map.of())).isEqualTo(HistoryCredentials.NONE);
    }
}
