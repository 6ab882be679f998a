package dev.perf.metrics;

import dev.perf.scenario.Secrets;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every recorder of a run, indexed by stage and request so that the hot path finds its recorder with two array
 * reads. Also counts connections and, per stage, the open-model pacer's lateness.
 */
public final class MetricsRegistry {
    private final List<String> requestNames;
    private final RequestRecorder[][] recorders;
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsReused = new LongAdder();
    private final SendLag[] sendLags;

    private final List<RequestRecorder> flowRecorders;

    private final Secrets secrets;

    public MetricsRegistry(List<String> requestNames, int stageCount) {
        this(requestNames, stageCount, List.of(), Secrets.none());
    }

    /**
     * @param flowNames flows whose whole duration is recorded (journeys of several steps)
     * @param secrets   values masked in every error message the figures carry
     */
    public MetricsRegistry(List<String> requestNames, int stageCount, List<String> flowNames, Secrets secrets) {
        this.secrets = secrets;
        this.flowRecorders = flowNames.stream().map(RequestRecorder::new).toList();
        this.requestNames = List.copyOf(requestNames);
        this.recorders = new RequestRecorder[stageCount][requestNames.size()];
        for (int s = 0; s < stageCount; s++) {
            for (int r = 0; r < requestNames.size(); r++) {
                recorders[s][r] = new RequestRecorder(requestNames.get(r));
            }
        }
        this.sendLags = new SendLag[stageCount];
        for (int s = 0; s < stageCount; s++) {
            sendLags[s] = new SendLag();
        }
    }

    public RequestRecorder recorder(int stage, int request) {
        return recorders[stage][request];
    }

    public Secrets secrets() {
        return secrets;
    }

    /** The whole-flow recorders, in the order of the flow names given. */
    public List<RequestRecorder> flowRecorders() {
        return flowRecorders;
    }

    public List<String> requestNames() {
        return requestNames;
    }

    public int stageCount() {
        return recorders.length;
    }

    public void connectionOpened() {
        connectionsOpened.increment();
    }

    public void connectionReused() {
        connectionsReused.increment();
    }

    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    public long connectionsReused() {
        return connectionsReused.sum();
    }

    /** Lateness of a stage's open-model sends behind their intended time; written by that stage's pacing task only. */
    public SendLag sendLag(int stage) {
        return sendLags[stage];
    }
}
