package dev.perf.engine;

import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.SendLag;
import dev.perf.scenario.RateStage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open model: sends arrivals at the times the {@link Pacer} gives, whether or not earlier responses have come
 * back. The pacing task runs on an event loop of the HTTP client (through the {@link Ticker}): each run sends every
 * arrival that is due, then schedules itself for the next one.
 * <ul>
 *   <li>An arrival the generator is on time for goes out at once. One it is late for goes out only while fewer than
 *   the {@link ConcurrencyCap} are at the target; otherwise it waits, in order, for the next completion. So a
 *   generator that falls behind catches up over the connections it has instead of opening one per late arrival.
 *   Latency and send lag still start at the intended time, so waiting is never hidden.</li>
 *   <li>When {@code maxInFlight} requests are at the target, arrivals wait too; when a second's worth of arrivals
 *   (or {@code maxInFlight}, if more) already wait, an arrival is dropped and counted, so the offered rate is never
 *   silently lowered.</li>
 * </ul>
 */
final class OpenModelDriver implements StageDriver {
    private final RateStage stage;
    private final Sender sender;
    private final RequestMix mix;
    private final MetricsRegistry registry;
    private final Pacer pacer;
    private final Clock clock;
    private final Ticker ticker;
    private final RunControl control;
    private final AtomicInteger inFlight;
    private final int maxInFlight;
    /** Sent and not completed (the waiting ones are in {@code inFlight} but not here). */
    private final AtomicInteger atTarget = new AtomicInteger();
    /** Sent so far (completed = sent - at the target); counted by the pacing loop only. */
    private long sent;
    private final ConcurrencyCap cap;
    private final ArrivalQueue waiting = new ArrivalQueue();
    /** How many arrivals wait, for completions on other threads; written by the pacing loop only. */
    private volatile int waitingCount;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Completion release;
    private final Runnable drain;
    private int stageIndex;
    private SendLag lag;

    OpenModelDriver(RateStage stage, Pacer pacer, Sender sender, RequestMix mix, MetricsRegistry registry, Clock clock,
                    Ticker ticker, RunControl control, AtomicInteger inFlight, int maxInFlight) {
        this.stage = stage;
        this.pacer = pacer;
        this.sender = sender;
        this.mix = mix;
        this.registry = registry;
        this.clock = clock;
        this.ticker = ticker;
        this.control = control;
        this.inFlight = inFlight;
        this.maxInFlight = maxInFlight;
        this.cap = new ConcurrencyCap(maxInFlight, stage.startPerSecond());
        this.drain = () -> {
            drainScheduled.set(false);
            sendWaiting(clock.nanoTime());
        };
        this.release = () -> {
            atTarget.decrementAndGet();
            inFlight.decrementAndGet();
            if (waitingCount > 0 && drainScheduled.compareAndSet(false, true)) {
                ticker.at(0, drain);
            }
        };
    }

    @Override
    public long run(int stageIndex, long startNanos) throws InterruptedException {
        this.stageIndex = stageIndex;
        this.lag = registry.sendLag(stageIndex);
        Tick tick = new Tick(startNanos);
        ticker.at(startNanos, tick);
        return StageWait.await(tick.done, control) ? tick.endNanos : clock.nanoTime();
    }

    /** Sends waiting arrivals while the cap allows; on the pacing loop. After an abort they are dropped instead. */
    private void sendWaiting(long now) {
        while (!waiting.isEmpty() && (control.aborted() || atTarget.get() < cap.cap())) {
            int item = waiting.headItem();
            long intended = waiting.intendedOfHead();
            boolean lagRecorded = waiting.lagRecordedOfHead();
            waiting.removeHead();
            if (control.aborted()) {
                inFlight.decrementAndGet();
                sender.dropped(item, stageIndex);
            } else {
                send(item, intended, now, !lagRecorded);
            }
        }
        waitingCount = waiting.size();
    }

    /** @param recordLag whether to record the send lag now (not when it was recorded on arrival) */
    private void send(int item, long intended, long now, boolean recordLag) {
        atTarget.incrementAndGet();
        sent++;
        if (recordLag) {
            lag.record(now - intended);
        }
        sender.send(item, stageIndex, -1, intended, now, release);
    }

    /** The pacing task: sends what is due, then re-arms itself. Runs on one thread at a time. */
    private final class Tick implements Runnable {
        private final long startNanos;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile long endNanos;
        private long next;
        private double lastPerSecond;

        Tick(long startNanos) {
            this.startNanos = startNanos;
            this.lastPerSecond = stage.startPerSecond();
        }

        @Override
        public void run() {
            long now = clock.nanoTime();
            long offset = pacer.offsetNanos(next);
            // how late this run is at its latest: at its start, or after a send that took long (a GC pause)
            long late = offset == Pacer.NEVER ? 0 : now - startNanos - offset;
            sendWaiting(now);
            while (true) {
                if (control.aborted()) {
                    sendWaiting(now);
                    finish(now);
                    return;
                }
                if (offset == Pacer.NEVER) {
                    finish(startNanos + stage.duration().toNanos());
                    break;
                }
                long intended = startNanos + offset;
                if (intended > now) {
                    ticker.at(intended, this);
                    break;
                }
                next++;
                late = Math.max(late, now - intended);
                arrive(intended, now, late <= ConcurrencyCap.BEHIND_NANOS && cap.keptUp(now));
                now = clock.nanoTime();
                offset = pacer.offsetNanos(next);
            }
            if (!waiting.isEmpty()) {
                // a completion on another event loop may have missed the arrivals this run queued; it freed its slot
                // before it looked, so looking again here sends what it freed room for
                sendWaiting(now);
            }
            int outstanding = atTarget.get();
            cap.sample(now, outstanding, sent - outstanding, perSecond(), late);
        }

        /** @param onTime whether the generator is on time for this arrival, and has been for a while */
        private void arrive(long intended, long now, boolean onTime) {
            int item = mix.next();
            if (!waiting.isEmpty() && waiting.size() >= Math.max(maxInFlight, lastPerSecond)) {
                sender.dropped(item, stageIndex);
                return;
            }
            inFlight.incrementAndGet();
            int outstanding = atTarget.get();
            int limit = onTime ? maxInFlight : cap.cap();
            if (waiting.isEmpty() && outstanding < limit) {
                send(item, intended, now, true);
            } else {
                // a wait at maxInFlight is the target's (or the user's limit), not the generator's lateness: the send
                // lag is what the generator owed on arrival; a wait under the cap is the generator's, counted on send
                boolean targetBound = outstanding >= maxInFlight;
                if (targetBound) {
                    lag.record(now - intended);
                }
                waiting.add(item, intended, targetBound);
                waitingCount = waiting.size();
            }
        }

        /** The schedule's rate at the next arrival, from the next 16 intervals (the last known near the end). */
        private double perSecond() {
            long from = pacer.offsetNanos(next);
            long to = pacer.offsetNanos(next + 16);
            if (from != Pacer.NEVER && to != Pacer.NEVER && to > from) {
                lastPerSecond = 16e9 / (to - from);
            }
            return lastPerSecond;
        }

        private void finish(long end) {
            endNanos = end;
            done.countDown();
        }
    }
}
