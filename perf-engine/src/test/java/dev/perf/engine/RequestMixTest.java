package dev.perf.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMixTest {

    @Test
    void interleavesByWeightWithExactProportionsInEveryCycle() {
        RequestMix mix = new RequestMix(List.of(3, 1));
        assertThat(IntStream.range(0, 8).map(i -> mix.next()).toArray()).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
    }

    @Test
    void reducesWeightsByTheirCommonDivisor() {
        RequestMix mix = new RequestMix(List.of(200, 100, 100));
        assertThat(IntStream.range(0, 4).map(i -> mix.next()).sorted().toArray()).containsExactly(0, 0, 1, 2);
    }
}
