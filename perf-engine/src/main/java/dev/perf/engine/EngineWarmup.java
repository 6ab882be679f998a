package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.scenario.ExpectedStatus;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.RateStage;
import org.asynchttpclient.Request;
import org.asynchttpclient.RequestBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Warms the engine's own code before the load: exchanges through the run's HTTP client, the same handler and
 * recorders, with a {@link WarmupServer} inside the generator, until the JIT compiler threads have gone quiet. On a
 * small CI runner a cold JVM spends about half a core compiling Netty's and the client's hot paths during the first
 * ten seconds of the load (bench/open.sh, bench/README.md), and every arrival of a high-rate open model is late for it;
 * warmed first, most of that compiling is done before the first arrival. Nothing is sent to the target and nothing is
 * recorded in the run's figures.
 */
final class EngineWarmup {
    /** Concurrent exchanges: a busy run's paths through the pool and the event loop. */
    private static final int USERS = 16;
    /**
     * Of which this many close their connection after each exchange: a run that falls behind opens many connections,
     * and that path must not be the interpreter's then.
     */
    private static final int CLOSING_USERS = 4;
    /** At least this many exchanges: the hot methods pass the JIT's thresholds many times over. */
    private static final long MIN_EXCHANGES = 30_000;
    /** How often the JIT is checked. */
    private static final long CHECK_MILLIS = 250;
    /** The JIT compiler threads' share of a core below which the JIT counts as quiet. */
    private static final double QUIET_SHARE = 0.05;
    /** A warm-up whose exchanges keep failing stops: something is wrong with the machine, not the target. */
    private static final long MAX_FAILURES = 1_000;

    /** What a warm-up did, for the console. */
    record Result(long exchanges, Duration took, boolean jitQuiet) {
    }

    private EngineWarmup() {
    }

    /** A shard's warm-up ends this long before its start time at the latest. */
    static final Duration START_MARGIN = Duration.ofSeconds(1);
    /** A shard warms up only when it has at least this long to do it in. */
    static final Duration SHORTEST = Duration.ofSeconds(1);

    /**
     * How long the warm-up before the load may take, {@code null} for none.
     * <ul>
     *   <li>A shard that waits for its start time ({@code startAt}) warms up while it waits, whatever its load, unless
     *   {@link EngineOptions.Warmup#NEVER}: the wait costs nothing, and a cold JVM's first exchanges are slow
     *   (class loading and the interpreter) even at low rates. The warm-up ends {@link #START_MARGIN} before the
     *   start, and is left out when that leaves less than {@link #SHORTEST}: a shard never starts late for it.</li>
     *   <li>Otherwise, as {@link #wanted} says.</li>
     * </ul>
     */
    static Duration limit(EngineOptions options, LoadSpec load, Instant now) {
        if (options.warmup() == EngineOptions.Warmup.NEVER) {
            return null;
        }
        if (options.startAt() != null) {
            Duration spare = Duration.between(now, options.startAt()).minus(START_MARGIN);
            if (spare.compareTo(SHORTEST) < 0) {
                return null;
            }
            return spare.compareTo(options.warmupLimit()) < 0 ? spare : options.warmupLimit();
        }
        return wanted(options.warmup(), load) ? options.warmupLimit() : null;
    }

    /**
     * Whether to warm up before {@code load}: always, never, or ({@link EngineOptions.Warmup#AUTO}) when an open-model
     * stage reaches {@link EngineOptions#AUTO_RATE_PER_SECOND}.
     */
    static boolean wanted(EngineOptions.Warmup when, LoadSpec load) {
        return switch (when) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> load.stages().stream().anyMatch(stage -> stage instanceof RateStage rate
                    && Math.max(rate.startPerSecond(), rate.endPerSecond()) >= EngineOptions.AUTO_RATE_PER_SECOND);
        };
    }

    /**
     * @param limit   the longest it may take
     * @param control ends it early on Ctrl-C
     */
    static Result run(HttpSender http, Clock clock, Duration limit, RunControl control) throws InterruptedException {
        long start = System.nanoTime();
        MetricsRegistry scratch = new MetricsRegistry(List.of("warm-up"), 1);
        AtomicLong exchanges = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong running = new AtomicLong(USERS);
        boolean quiet = false;
        try (WarmupServer server = new WarmupServer(http.eventLoops(), http.usesNativeTransport())) {
            String base = "http://127.0.0.1:" + server.port();
            Request keepAlive = new RequestBuilder("GET").setUrl(base + "/warm-up").build();
            Request closing = new RequestBuilder("GET").setUrl(base + WarmupServer.CLOSE).build();
            for (int u = 0; u < USERS; u++) {
                new User(http, scratch, clock, u < CLOSING_USERS ? closing : keepAlive, exchanges, stop, running).next();
            }
            long deadline = start + limit.toNanos();
            long compilerBefore = compilerCpuNanos();
            long checkedAt = System.nanoTime();
            while (System.nanoTime() < deadline && !control.aborted() && running.get() > 0) {
                Thread.sleep(CHECK_MILLIS);
                long compiler = compilerCpuNanos();
                long now = System.nanoTime();
                if (exchanges.get() >= MIN_EXCHANGES && compiler >= 0
                        && (compiler - compilerBefore) / (double) (now - checkedAt) < QUIET_SHARE) {
                    quiet = true;
                    break;
                }
                compilerBefore = compiler;
                checkedAt = now;
            }
            stop.set(true);
            long waitUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (running.get() > 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
        }
        return new Result(exchanges.get(), Duration.ofNanos(System.nanoTime() - start), quiet);
    }

    /**
     * The CPU time the JIT compiler threads have used so far, from {@code /proc/self/task} (their names start with
     * {@code C1 CompilerThre} and {@code C2 CompilerThre}); -1 where it cannot be read (not Linux), and then the
     * warm-up runs for its whole limit.
     */
    static long compilerCpuNanos() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open || !stat.substring(open + 1, close).contains("CompilerThre")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * 10_000_000L; // clock ticks of 10 ms (USER_HZ 100)
    }

    /** One closed-loop user: each completion sends the next exchange until told to stop. */
    private static final class User implements Completion {
        private final HttpSender http;
        private final MetricsRegistry scratch;
        private final Clock clock;
        private final Request request;
        private final AtomicLong exchanges;
        private final AtomicBoolean stop;
        private final AtomicLong running;

        User(HttpSender http, MetricsRegistry scratch, Clock clock, Request request, AtomicLong exchanges,
             AtomicBoolean stop, AtomicLong running) {
            this.http = http;
            this.scratch = scratch;
            this.clock = clock;
            this.request = request;
            this.exchanges = exchanges;
            this.stop = stop;
            this.running = running;
        }

        void next() {
            long now = clock.nanoTime();
            http.execute(request, new ExchangeHandler(scratch.recorder(0, 0), ExpectedStatus.any2xx(), scratch, clock,
                    now, now, 0, this, null));
        }

        @Override
        public void completed() {
            exchanges.incrementAndGet();
            if (stop.get() || scratch.recorder(0, 0).failed() > MAX_FAILURES) {
                running.decrementAndGet();
            } else {
                next();
            }
        }
    }
}
