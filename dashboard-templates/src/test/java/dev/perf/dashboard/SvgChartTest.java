package dev.perf.dashboard;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a chart keeps every line and label visible: lines that coincide, sampled figures, labels at the edge. */
class SvgChartTest {

    @Test
    void aLineOnTopOfAnotherIsDashedAndTheKeySaysWhichItCovers() {
        List<double[]> twenty = List.of(new double[]{1, 20}, new double[]{2, 20}, new double[]{3, 20});
        SvgChart chart = SvgChart.titled("Responses by status code").x("s").y("/s")
                .line("HTTP 200", twenty).line("HTTP 201", twenty)
                .line("HTTP 204", List.of(new double[]{1, 20}, new double[]{2, 20}, new double[]{3, 5}))
                .line("HTTP 500", List.of(new double[]{1, 1}, new double[]{2, 2}, new double[]{3, 3}));
        String svg = chart.svg();
        String key = chart.legendHtml();
        assertThat(svg).contains("<g class=\"series series-1\">").contains("<g class=\"series series-2 dashed\">")
                .contains("<g class=\"series series-3 dashed\">").contains("<g class=\"series series-4\">");
        assertThat(key).contains("HTTP 201 (same as HTTP 200)")
                .as("two of three points on another line: dashed, but not 'the same'")
                .contains(">HTTP 204</li>").contains(">HTTP 500</li>");
        assertThat(svg).contains("<desc>HTTP 200: 3 points from 20 to 20 /s. HTTP 201 (same as HTTP 200): ");
    }

    @Test
    void aSampledFigureShowsEverySampleAsADotAndSaysHowOftenItWasSampled() {
        SvgChart.Series connections = SvgChart.Series.of("target connections", List.of(new double[]{5, 50},
                new double[]{10, 52}, new double[]{15, 51})).sampled(5);
        SvgChart chart = SvgChart.titled("Connections").x("s").y("").line(connections);
        assertThat(chart.svg()).contains("series-1 dashed").containsPattern("(<circle class=\"point\"[^>]*>.*?){3}");
        assertThat(chart.legendHtml()).contains("target connections (sampled every 5 s)");
    }

    @Test
    void aMarkerAtTheRightEdgeHasItsLabelToItsLeft() {
        SvgChart chart = SvgChart.titled("Throughput against load").x("req/s").y("/s")
                .line("throughput", List.of(new double[]{100, 100}, new double[]{200, 190}, new double[]{500, 200}))
                .marker(new SvgChart.Marker(100, "optimal load at 100 req/s"))
                .marker(new SvgChart.Marker(500, "breakpoint at 500 req/s"));
        String svg = chart.svg();
        assertThat(svg).containsPattern("<text class=\"start\" x=\"[0-9.]+\" y=\"[0-9]+\">optimal load at 100 req/s")
                .containsPattern("<text class=\"end\" x=\"[0-9.]+\" y=\"[0-9]+\">breakpoint at 500 req/s");
        assertThat(chart.legendHtml()).contains("<li class=\"marker-key\">").contains("breakpoint at 500 req/s");
    }
}
