package dev.perf.history;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerfVersionTest {

    @Test
    void theBuildWritesItsVersionForTheHistory() {
        assertThat(PerfVersion.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
