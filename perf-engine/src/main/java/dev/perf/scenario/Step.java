package dev.perf.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One request of a flow, with what it takes from the response and what it checks.
 *
 * @param request  the request; its path, query, headers and body may hold runtime variables
 * @param captures values taken from the response for later steps
 * @param checks   checks beyond the status
 * @param thinkMin pause after this step before the next: fixed when min equals max, else uniform in [min, max]
 */
public record Step(RequestSpec request, List<Capture> captures, List<Check> checks, Duration thinkMin,
                   Duration thinkMax) {

    public Step {
        captures = List.copyOf(captures);
        checks = List.copyOf(checks);
    }

    /** A plain request: no capture, no check, no pause. */
    public static Step of(RequestSpec request) {
        return new Step(request, List.of(), List.of(), Duration.ZERO, Duration.ZERO);
    }

    public boolean needsBody() {
        return captures.stream().anyMatch(c -> c.source() == Capture.Source.JSON_PATH
                || c.source() == Capture.Source.REGEX) || checks.stream().anyMatch(Check::needsBody);
    }

    public boolean inspectsResponse() {
        return !captures.isEmpty() || !checks.isEmpty();
    }
}
