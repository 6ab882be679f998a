package dev.perf.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * One stage of the load as it ran.
 *
 * @param level          the stepped test's level this stage measured, or {@code null}
 * @param role           a stepped test's stage role (level, warm-up, ramp, pause); {@code null} otherwise
 * @param type           rate, rate-ramp, users, users-ramp or pause
 * @param plannedSeconds {@code null} for a stage that runs its iterations to the end
 * @param offered        what the stage sent; {@code null} for a pause
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StageResult(int index, @JsonInclude(JsonInclude.Include.ALWAYS) Integer level, String role,
                          String description, String type, Double startRate, Double endRate, Integer startUsers,
                          Integer endUsers, Long iterations,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Double plannedSeconds, boolean ran,
                          double elapsedSeconds, @JsonUnwrapped Offered offered) {

    public StageResult {
        // read from a file, the figures of a stage that sent nothing come back empty
        if (offered != null && offered.overall() == null) {
            offered = null;
        }
    }

    /**
     * The figures of a stage that sent requests.
     *
     * @param sendLagHistogram every send's lateness (microseconds, encoded as {@link Figures#latencyHistogram()}): a
     *                         shard's only, for the merge, as are the histograms of its figures; else left out
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Offered(long lateSends, Double sendLagP99Ms, Double sendLagMaxMs, Figures overall,
                          List<Figures> requests,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String sendLagHistogram) {
    }
}
