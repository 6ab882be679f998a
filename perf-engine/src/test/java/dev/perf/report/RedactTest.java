package dev.perf.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactTest {

    @Test
    void removesCredentialsFromUrls() {
        assertThat(Redact.url("https://user:s3cret@example.test:8443/api")).isEqualTo("https://***@example.test:8443/api");
        assertThat(Redact.url("http://localhost:8080/a@b")).isEqualTo("http://localhost:8080/a@b");
        assertThat(Redact.url("http://localhost:8080")).isEqualTo("http://localhost:8080");
    }
}
