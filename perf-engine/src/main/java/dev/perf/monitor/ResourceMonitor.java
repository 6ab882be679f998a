package dev.perf.monitor;

import dev.perf.scenario.MonitorSpec;
import oshi.software.os.OperatingSystem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import dev.perf.scenario.Scope;

/**
 * Samples the machine, the load generator (this JVM) and the target process on its own thread while a run goes.
 * {@link #start} reads a baseline; each interval after it is one {@link ResourceSample}, so the first sample is a
 * real rate, never a spike from counters since boot. {@link #stop} returns the series with the sampler's own CPU.
 */
public final class ResourceMonitor {
    private final MonitorSpec spec;
    private final ScheduledExecutorService timer;
    private final List<ResourceSample> samples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<Scope> watched = EnumSet.noneOf(Scope.class);
    private final long startNanos = System.nanoTime();
    private final long startWallMillis = System.currentTimeMillis();
    private final String targetDescription;
    private volatile long samplerThreadId = -1;
    private volatile ResourceSample latest;
    private MachineProbe machine;
    private ProcessProbe generator;
    private ProcessProbe target;
    private int logicalCpus = Runtime.getRuntime().availableProcessors();

    private ResourceMonitor(MonitorSpec spec, String targetDescription) {
        this.spec = spec;
        this.targetDescription = targetDescription;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perf-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts watching. The target is {@code monitor.target} when given, else {@code startedPid} (the process the run
     * started), else none.
     *
     * @param startedPid the pid of the process the run started, or {@code null}
     * @param warn       told what cannot be watched, once
     */
    public static ResourceMonitor start(MonitorSpec spec, Long startedPid, Consumer<String> warn) {
        OperatingSystem os;
        try {
            os = spec.enabled() ? Oshi.system().getOperatingSystem() : null;
        } catch (RuntimeException | LinkageError e) {
            // OSHI needs JNA's native library, unpacked to the temp folder; a noexec /tmp, for one, prevents that
            ResourceMonitor off = new ResourceMonitor(spec, null);
            off.note("resource monitoring is not available here (" + e + "); if the temp folder is mounted noexec, "
                    + "point -Djna.tmpdir at a writable, executable folder", warn);
            return off;
        }
        Integer targetPid = null;
        String description = null;
        String problem = null;
        if (spec.enabled() && spec.target() != null) {
            TargetLocator.Found found;
            try {
                found = TargetLocator.find(os, spec.target());
            } catch (RuntimeException | LinkageError e) {
                found = new TargetLocator.Found(null, "looking it up failed: " + e);
            }
            targetPid = found.pid();
            problem = found.problem();
            description = targetPid == null ? null : spec.target() instanceof MonitorSpec.ByPid ? "pid " + targetPid
                    : "pid " + targetPid + ", " + spec.target().describe();
        } else if (spec.enabled() && startedPid != null) {
            targetPid = startedPid.intValue();
            description = "pid " + targetPid + ", started by the run";
        }
        ResourceMonitor monitor = new ResourceMonitor(spec, description);
        if (problem != null) {
            monitor.note("target not monitored: " + problem, warn);
        }
        if (spec.enabled()) {
            monitor.begin(os, targetPid, warn);
        }
        return monitor;
    }

    private void begin(OperatingSystem os, Integer targetPid, Consumer<String> warn) {
        long now = System.nanoTime();
        try {
            if (spec.machine()) {
                machine = new MachineProbe(Oshi.system().getHardware(), os.getInternetProtocolStats(), now);
                logicalCpus = machine.logicalCpus();
                watched.add(Scope.MACHINE);
            }
            if (spec.generator()) {
                generator = new ProcessProbe(os, os.getProcessId(), false, now);
                watched.add(Scope.GENERATOR);
            }
            if (targetPid != null) {
                target = new ProcessProbe(os, targetPid, true, now);
                watched.add(Scope.TARGET);
            }
        } catch (RuntimeException | LinkageError e) {
            note("resource monitoring is not available here: " + e, warn);
            return;
        }
        long intervalMillis = spec.interval().toMillis();
        timer.scheduleAtFixedRate(() -> sampleSafely(warn), intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void sampleSafely(Consumer<String> warn) {
        samplerThreadId = Thread.currentThread().getId();
        try {
            long now = System.nanoTime();
            Map<Scope, double[]> values = new EnumMap<>(Scope.class);
            if (machine != null) {
                values.put(Scope.MACHINE, machine.sample(now));
            }
            if (generator != null) {
                values.put(Scope.GENERATOR, generator.sample(now));
            }
            if (target != null && !target.gone()) {
                double[] v = target.sample(now);
                if (v == null) {
                    note("the target process (pid " + target.pid() + ") exited during the run", warn);
                } else {
                    values.put(Scope.TARGET, v);
                }
            }
            ResourceSample sample = new ResourceSample((now - startNanos) / 1e9,
                    startWallMillis + (now - startNanos) / 1_000_000, values);
            synchronized (samples) {
                samples.add(sample);
            }
            latest = sample;
        } catch (RuntimeException | LinkageError e) {
            // one failed reading must not stop the monitor; it is reported once
            note("a resource sample failed: " + e, warn);
        }
    }

    private void note(String text, Consumer<String> warn) {
        synchronized (notes) {
            if (!notes.contains(text)) {
                notes.add(text);
                warn.accept(text);
            }
        }
    }

    /** The latest sample, for live figures; {@code null} before the first or when nothing is watched. */
    public ResourceSample latest() {
        return latest;
    }

    /** Stops sampling and returns what was seen, with the sampler's own CPU use. */
    public ResourceSeries stop() {
        Double ownCpuPercent = null;
        long threadId = samplerThreadId;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threadId > 0 && threads.isThreadCpuTimeSupported()) {
            // read while the thread is alive: after shutdown its CPU time is gone
            long cpuNanos = threads.getThreadCpuTime(threadId);
            long wallNanos = System.nanoTime() - startNanos;
            ownCpuPercent = cpuNanos < 0 || wallNanos <= 0 ? null : cpuNanos * 100.0 / wallNanos;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ResourceSample> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        List<String> said;
        synchronized (notes) {
            said = List.copyOf(notes);
        }
        return new ResourceSeries(taken, watched, spec.interval().toMillis() / 1000.0, logicalCpus,
                Runtime.getRuntime().availableProcessors(), CgroupLimits.read(), targetDescription, ownCpuPercent, said);
    }
}
