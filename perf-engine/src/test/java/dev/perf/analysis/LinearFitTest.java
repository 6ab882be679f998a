package dev.perf.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LinearFitTest {

    @Test
    void fitsALineAndSaysHowWellItExplainsTheData() {
        LinearFit exact = LinearFit.of(new double[]{10, 20, 30, 40}, new double[]{5, 7, 9, 11});
        assertThat(exact.slope()).isCloseTo(0.2, within(1e-12));
        assertThat(exact.intercept()).isCloseTo(3, within(1e-12));
        assertThat(exact.r2()).isCloseTo(1, within(1e-12));

        LinearFit noisy = LinearFit.of(new double[]{1, 2, 3, 4, 5}, new double[]{2, 1, 4, 3, 6});
        assertThat(noisy.slope()).isCloseTo(1.0, within(1e-12));
        assertThat(noisy.r2()).isCloseTo(100 / (10 * 14.8), within(1e-12));
    }

    @Test
    void flatAndDegenerateInputs() {
        LinearFit flat = LinearFit.of(new double[]{1, 2, 3}, new double[]{4, 4, 4});
        assertThat(flat.slope()).isZero();
        assertThat(flat.r2()).as("a flat line explains nothing: no R²").isNull();
        assertThat(LinearFit.of(new double[]{1}, new double[]{1})).isNull();
        assertThat(LinearFit.of(new double[]{2, 2}, new double[]{1, 3})).isNull();
    }
}
