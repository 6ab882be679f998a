package dev.perf.metrics;

/**
 * What a tracked operation cost the thread that ran it, per execution. A figure the JVM cannot measure is
 * {@code null}.
 *
 * @param executions                 executions measured
 * @param cpuMillisPerExecution      mean CPU time of the running thread
 * @param allocatedBytesPerExecution mean heap bytes the running thread allocated
 */
public record OperationCost(long executions, Double cpuMillisPerExecution, Double allocatedBytesPerExecution) {

    /** The cost of several operations together: their totals over all their executions. */
    public static OperationCost merge(Iterable<OperationCost> parts) {
        long executions = 0;
        double cpu = 0;
        double allocated = 0;
        boolean cpuKnown = true;
        boolean allocatedKnown = true;
        for (OperationCost part : parts) {
            executions += part.executions;
            cpuKnown &= part.cpuMillisPerExecution != null;
            allocatedKnown &= part.allocatedBytesPerExecution != null;
            cpu += part.cpuMillisPerExecution == null ? 0 : part.cpuMillisPerExecution * part.executions;
            allocated += part.allocatedBytesPerExecution == null ? 0 : part.allocatedBytesPerExecution * part.executions;
        }
        return new OperationCost(executions, executions > 0 && cpuKnown ? cpu / executions : null,
                executions > 0 && allocatedKnown ? allocated / executions : null);
    }
}
