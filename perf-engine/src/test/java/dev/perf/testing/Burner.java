package dev.perf.testing;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for monitor tests: burns one core on its main thread for {@code args[0]} seconds, starts
 * {@code args[1]} extra sleeping threads, keeps {@code args[2]} files open, listens on an ephemeral port with one
 * connection to itself, and prints "port N" once it is all set up. Ends by itself.
 */
public final class Burner {

    private Burner() {
    }

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        int threads = Integer.parseInt(args[1]);
        int files = Integer.parseInt(args[2]);
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(seconds * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "sleeper-" + i);
            t.setDaemon(true);
            t.start();
        }
        List<InputStream> open = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path file = Files.createTempFile("burner", ".txt");
            file.toFile().deleteOnExit();
            open.add(new FileInputStream(file.toFile()));
        }
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
             Socket accepted = server.accept()) {
            System.out.println("port " + server.getLocalPort());
            System.out.flush();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long spins = 0;
            while (System.nanoTime() < end) {
                spins++;
            }
            System.out.println("spins " + spins + " " + open.size() + " " + client.isConnected() + accepted.isConnected());
        }
    }
}
