package dev.perf.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the machine's own binaries (Debian's {@code postgresql} package):
 * {@code initdb} into a temporary folder and {@code pg_ctl} on a free loopback port, one per test JVM, stopped when
 * it exits. Password authentication (scram-sha-256) for the user {@value #USER}, so that credentials are exercised.
 * Without PostgreSQL the tests that use it are skipped with a message; under CI ({@code CI=true}) they fail instead.
 * As root (a container), the server runs as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer {
    public static final String USER = "perf";
    public static final String PASSWORD = "s3cret-pg-Pa55";
    private static PostgresServer shared;
    private final Path folder;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path folder, Path bin, int port, boolean asPostgres) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The server of this JVM, started at first use; skips the test (or fails it under CI) without PostgreSQL. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            Path bin = binaries();
            if (bin == null) {
                String why = "PostgreSQL is not installed (initdb and pg_ctl not found under /usr/lib/postgresql): "
                        + "apt-get install postgresql to run this test";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new IllegalStateException(why + "; under CI it must run");
                }
                Assumptions.abort(why);
            }
            try {
                shared = start(bin);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage(), e);
            }
            PostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "postgres-stop"));
        }
        return shared;
    }

    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("perf-postgres-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(folder, bin, port, root);
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        if (root) {
            server.exec(List.of("chown", "-R", "postgres:postgres", folder.toString()), false);
        }
        server.exec(List.of(bin.resolve("initdb").toString(), "-D", folder.resolve("data").toString(), "-U", USER,
                "--pwfile=" + passwordFile, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"), true);
        server.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-w",
                "-t", "60", "-l", folder.resolve("server.log").toString(), "-o", "-p " + port
                        + " -k " + folder + " -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off",
                "start"), true);
        return server;
    }

    private void exec(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asServerUser && asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("perf-postgres-command", ".log");
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " did not finish in 90 s");
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed (" + process.exitValue() + "): " + output);
        }
    }

    private void stop() {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"), true);
        } catch (IOException | InterruptedException e) {
            System.err.println("PostgreSQL in " + folder + " did not stop: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind
        }
    }

    public int port() {
        return port;
    }

    /** A new, empty database on the server: its URL, without credentials. */
    public String newDatabase() throws SQLException {
        String name = "perf_test_" + databases.incrementAndGet();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection to a database as {@value #USER}. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(url(database), properties);
    }
}
