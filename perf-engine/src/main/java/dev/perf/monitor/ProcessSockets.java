package dev.perf.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Established TCP connections of one process, on Linux: the socket inodes among its open files, matched against
 * the connection tables of its network namespace. OSHI lists every connection of every process instead, which
 * takes tens of milliseconds; this reads one process. Elsewhere, or without permission, the figure is absent.
 */
final class ProcessSockets {
    private static final String ESTABLISHED = "01";

    private ProcessSockets() {
    }

    /** @return the count, or {@code NaN} when it cannot be read */
    static double established(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String link = Files.readSymbolicLink(fd).toString();
                    if (link.startsWith("socket:[")) {
                        inodes.add(link.substring(8, link.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor was closed while we listed them
                }
            }
            if (inodes.isEmpty()) {
                return 0;
            }
            return count(proc.resolve("net/tcp"), inodes) + count(proc.resolve("net/tcp6"), inodes);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Double.NaN;
        }
    }

    /** Lines of /proc/net/tcp: "sl local rem st tx:rx tr:when retrnsmt uid timeout inode ..." */
    private static int count(Path table, Set<String> inodes) throws IOException {
        if (!Files.isReadable(table)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(table);
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).trim().split("\\s+");
            if (fields.length > 9 && fields[3].equals(ESTABLISHED) && inodes.contains(fields[9])) {
                n++;
            }
        }
        return n;
    }
}
