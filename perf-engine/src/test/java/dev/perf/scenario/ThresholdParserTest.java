package dev.perf.scenario;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            success-rate >= 95%              | -               | success-rate | >= | 95
            error-rate < 1%                  | -               | error-rate   | <  | 1
            p95 <= 500ms                     | -               | p95          | <= | 500
            p99.9 <= 1s                      | -               | p99.9        | <= | 1000
            median<250us                     | -               | median       | <  | 0.25
            avg <= 1m                        | -               | avg          | <= | 60000
            stddev < 20ms                    | -               | stddev       | <  | 20
            rps >= 100                       | -               | rps          | >= | 100
            rps >= 100/s                     | -               | rps          | >= | 100
            dropped == 0                     | -               | dropped      | == | 0
            create-customer.p99 <= 2s        | create-customer | p99          | <= | 2000
            get_customer.success-rate > 99.5% | get_customer   | success-rate | >  | 99.5
            """)
    void parses(String expression, String request, String metric, String op, double limit) {
        Threshold t = ThresholdParser.parse(expression);
        assertThat(t.request()).isEqualTo(request);
        assertThat(t.metric().name()).isEqualTo(metric);
        assertThat(t.comparison().symbol()).isEqualTo(op);
        assertThat(t.limit()).isEqualTo(limit);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            p95 500ms               | is not a threshold
            p95 <= 500              | needs a duration with a unit such as 500ms
            success-rate >= 95      | needs a percentage such as 95%
            success-rate >= 120%    | between 0% and 100%
            latency <= 1s           | unknown metric 'latency'
            p101 <= 1s              | between p0 and p100
            p95 <= fast             | is not a duration
            rps >= many             | needs a number
            dropped == 0.5          | needs a whole number
            """)
    void rejectsWithAMessageThatSaysWhatIsValid(String expression, String fragment) {
        assertThatThrownBy(() -> ThresholdParser.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(fragment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            breakpoint >= 150/s          | breakpoint           | 150    | RATE
            optimal-load > 50/s          | optimal-load         | 50     | RATE
            degradation-start >= 30/m    | degradation-start    | 0.5    | RATE
            breakpoint >= 40 users       | breakpoint           | 40     | USERS
            max-sustainable-load >= 40   | max-sustainable-load | 40     |
            max-sustainable-rps >= 100   | max-sustainable-rps  | 100    |
            usl.sigma < 0.1              | usl.sigma            | 0.1    |
            usl.peak-concurrency >= 20   | usl.peak-concurrency | 20     |
            avg-slope <= 0.25            | avg-slope            | 0.25   |
            """)
    void parsesAnalysisMetricsOfASteppedRun(String expression, String metric, double limit, String kind) {
        Threshold t = ThresholdParser.parse(expression);
        assertThat(t.request()).isNull();
        assertThat(t.metric().name()).isEqualTo(metric);
        assertThat(t.metric().isAnalysis()).isTrue();
        assertThat(t.limit()).isEqualTo(limit);
        assertThat(t.limitKind()).isEqualTo(kind == null ? null : Threshold.LimitKind.valueOf(kind));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            get.breakpoint >= 150/s  | describes the whole stepped run
            usl.sigma < low          | needs a number
            breakpoint >= fast       | needs a number
            """)
    void rejectsMisusedAnalysisMetrics(String expression, String fragment) {
        assertThatThrownBy(() -> ThresholdParser.parse(expression)).hasMessageContaining(fragment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            connect.p95 < 10ms                 | -                | connect.p95   | 10    | CONNECT | 95
            tls.max < 50ms                     | -                | tls.max       | 50    | TLS     | 0
            ttfb.p99 <= 200ms                  | -                | ttfb.p99      | 200   | TTFB    | 99
            receive.median < 1ms               | -                | receive.median | 1    | RECEIVE | 50
            dns.avg < 500us                    | -                | dns.avg       | 0.5   | DNS     | 0
            send.p99.9 < 1ms                   | -                | send.p99.9    | 1     | SEND    | 99.9
            connect.count <= 50                | -                | connect.count | 50    | CONNECT | 0
            home.tls.max < 50ms                | home             | tls.max       | 50    | TLS     | 0
            journey.login.connect.p95 < 10ms   | journey.login    | connect.p95   | 10    | CONNECT | 95
            """)
    void parsesPhaseMetrics(String expression, String request, String metric, double limit, Phase phase,
                            double percentile) {
        Threshold t = ThresholdParser.parse(expression);
        assertThat(t.request()).isEqualTo(request);
        assertThat(t.metric().name()).isEqualTo(metric);
        assertThat(t.metric().phase()).isEqualTo(phase);
        assertThat(t.metric().percentile()).isEqualTo(percentile);
        assertThat(t.limit()).isEqualTo(limit);
        assertThat(t.flow()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            connect.rps > 10               | a phase takes avg, min, max, median, stddev, a percentile (p95, p99.9) or count
            connect.tls.max < 1s           | a phase takes avg
            ttfb.apdex(1s) > 0.9           | a phase takes avg
            connect.p95 < 10               | needs a duration with a unit
            connect.count < 1.5            | needs a whole number
            ttfb.p95 < baseline * 1.1      | the history does not keep phase times; give an absolute limit
            """)
    void rejectsMisusedPhaseMetrics(String expression, String fragment) {
        assertThatThrownBy(() -> ThresholdParser.parse(expression)).hasMessageContaining(fragment);
    }
}
