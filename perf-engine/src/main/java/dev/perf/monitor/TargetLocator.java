package dev.perf.monitor;

import dev.perf.scenario.MonitorSpec;
import oshi.software.os.InternetProtocolStats;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.util.List;

/** Finds the target's pid from {@code monitor.target}; says why when it cannot. */
final class TargetLocator {

    /** A pid, or why there is none. */
    record Found(Integer pid, String problem) {
    }

    private TargetLocator() {
    }

    static Found find(OperatingSystem os, MonitorSpec.TargetSelector selector) {
        if (selector instanceof MonitorSpec.ByPid byPid) {
            return os.getProcess((int) byPid.pid()) == null
                    ? new Found(null, "no process has pid " + byPid.pid()) : new Found((int) byPid.pid(), null);
        }
        if (selector instanceof MonitorSpec.ByPort byPort) {
            return byPort(os, byPort.port());
        }
        return byName(os, ((MonitorSpec.ByName) selector).name());
    }

    private static Found byPort(OperatingSystem os, int port) {
        boolean listening = false;
        for (InternetProtocolStats.IPConnection c : os.getInternetProtocolStats().getConnections()) {
            if (c.getLocalPort() == port && c.getState() == InternetProtocolStats.TcpState.LISTEN) {
                listening = true;
                if (c.getowningProcessId() > 0) {
                    return new Found(c.getowningProcessId(), null);
                }
            }
        }
        return new Found(null, listening
                ? "something listens on port " + port + " but its process cannot be read (another user's?)"
                : "no process listens on TCP port " + port);
    }

    private static Found byName(OperatingSystem os, String name) {
        int self = os.getProcessId();
        List<OSProcess> matches = os.getProcesses(p -> p.getProcessID() != self && p.getName().equals(name), null, 0);
        if (matches.size() == 1) {
            return new Found(matches.get(0).getProcessID(), null);
        }
        if (matches.isEmpty()) {
            return new Found(null, "no process is named '" + name + "'");
        }
        return new Found(null, matches.size() + " processes are named '" + name + "' (pids " + String.join(", ",
                matches.stream().map(p -> Integer.toString(p.getProcessID())).toList())
                + "); name the target by pid or port instead");
    }
}
