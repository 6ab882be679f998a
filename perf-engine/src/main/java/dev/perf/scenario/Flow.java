package dev.perf.scenario;

import java.util.List;

/**
 * A user journey: steps run in order by one virtual user (closed model) or one arrival (open model). A request of
 * {@code requests:} is a flow of one step named after it.
 *
 * @param name   for the flow's whole duration in the results
 * @param weight relative share of the flows, at least 1
 * @param single whether it is a plain request of the mix rather than a {@code flows:} entry (no flow duration)
 */
public record Flow(String name, int weight, List<Step> steps, boolean single) {

    public Flow {
        steps = List.copyOf(steps);
    }
}
