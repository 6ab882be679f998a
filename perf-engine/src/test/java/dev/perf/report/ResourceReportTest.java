package dev.perf.report;

import dev.perf.analysis.GeneratorCheck;
import dev.perf.monitor.CgroupLimits;
import dev.perf.monitor.ResourceSeries;
import dev.perf.monitor.ResourceSummary;
import dev.perf.scenario.Scope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceReportTest {

    @Test
    void aRunShorterThanOneIntervalSaysSoInsteadOfAveragingNoSamples() {
        ResourceSeries none = new ResourceSeries(List.of(), EnumSet.of(Scope.MACHINE, Scope.GENERATOR), 1.0, 2, 2,
                new CgroupLimits(null, null), null, null, List.of());
        List<String> lines = new ArrayList<>();
        ResourceReport.print(new ResourceSummary(none), new GeneratorCheck.Verdict(false, List.of()), lines::add);

        assertThat(lines).containsExactly("  resources: no sample: the run was shorter than the monitor's interval (1s)");
    }
}
