package dev.perf.metrics;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every recorder of a run, indexed by stage and request so that the hot path finds its recorder with two array
 * reads. Also counts connections and the open-model pacer's lateness.
 */
public final class MetricsRegistry {
    private final List<String> requestNames;
    private final RequestRecorder[][] recorders;
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsReused = new LongAdder();
    private final SendLag sendLag = new SendLag();

    public MetricsRegistry(List<String> requestNames, int stageCount) {
        this.requestNames = List.copyOf(requestNames);
        this.recorders = new RequestRecorder[stageCount][requestNames.size()];
        for (int s = 0; s < stageCount; s++) {
            for (int r = 0; r < requestNames.size(); r++) {
                recorders[s][r] = new RequestRecorder(requestNames.get(r));
            }
        }
    }

    public RequestRecorder recorder(int stage, int request) {
        return recorders[stage][request];
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

    /** Lateness of open-model sends behind their intended time; written by the pacing thread only. */
    public SendLag sendLag() {
        return sendLag;
    }
}
