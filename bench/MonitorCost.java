import dev.perf.monitor.ResourceMonitor;
import dev.perf.monitor.ResourceSeries;
import dev.perf.scenario.MonitorSpec;

/**
 * The resource monitor's own CPU: machine, generator and a target sampled every second for N seconds, nothing else
 * running. Usage: java -cp ENGINE_CLASSPATH MonitorCost.java SECONDS [TARGET_PID] (default target: the parent shell)
 */
public class MonitorCost {
    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        long target = args.length > 1 ? Long.parseLong(args[1])
                : ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
        ResourceMonitor monitor = ResourceMonitor.start(MonitorSpec.defaults(), target, System.out::println);
        Thread.sleep(seconds * 1000L);
        ResourceSeries series = monitor.stop();
        System.out.printf("monitor: %d samples in %d s, own CPU %.3f%% of one core (sampler thread)%n",
                series.samples().size(), seconds, series.ownCpuPercent());
    }
}
