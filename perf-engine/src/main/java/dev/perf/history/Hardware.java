package dev.perf.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.monitor.CgroupLimits;
import dev.perf.monitor.Oshi;

import java.nio.charset.StandardCharsets;

/** What a run ran on, and a fingerprint of it: runs on different hardware are not mixed into one baseline. */
public final class Hardware {

    private Hardware() {
    }

    /** @return {fingerprint, json} */
    public static String[] describe() {
        ObjectNode node = new ObjectMapper().createObjectNode();
        String cpu;
        int logical;
        try {
            var processor = Oshi.system().getHardware().getProcessor();
            cpu = processor.getProcessorIdentifier().getName().trim();
            logical = processor.getLogicalProcessorCount();
        } catch (RuntimeException | LinkageError e) {
            cpu = "unknown";
            logical = Runtime.getRuntime().availableProcessors();
        }
        node.put("cpu", cpu);
        node.put("logicalCpus", logical);
        node.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        CgroupLimits limits = CgroupLimits.read();
        node.put("containerCpuCores", limits.cpuCores());
        node.put("containerMemoryBytes", limits.memoryBytes());
        node.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        node.put("jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        node.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        String json = node.toString();
        return new String[]{Digests.sha256(json.getBytes(StandardCharsets.UTF_8)).substring(0, 12), json};
    }
}
