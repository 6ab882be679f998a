package dev.perf.engine;

import dev.perf.metrics.ErrorKind;
import dev.perf.metrics.MetricsRegistry;
import dev.perf.metrics.RequestRecorder;
import dev.perf.scenario.FeederSpec;
import dev.perf.scenario.Flow;
import dev.perf.scenario.HttpOptions;
import dev.perf.scenario.Shard;
import dev.perf.scenario.Step;
import org.asynchttpclient.Request;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs the items of the mix: a plain request goes straight to the client with a handler that only counts (the lean
 * hot path); a flow runs its steps one after another, each sent when the previous one has ended and its pause has
 * passed, with a {@link Session} carrying captures from step to step. A failed step ends the iteration. Each step
 * is recorded under its own name, in the stage the iteration started in; a flow of several steps also records its
 * whole duration, from its intended start to its last step's end. Feeders fill an iteration's variables before its
 * first step. A step's think time follows it, the last step's too (so a closed-model user loops at the pace declared).
 * When the load winds down, iterations stop at the next step boundary: a pause in progress is cut short, and an
 * iteration cut short is not recorded as a flow (it neither succeeded nor failed; it is counted apart).
 */
final class FlowRunner implements Sender {
    private final Plan[] plans;
    private final HttpSender http;
    private final MetricsRegistry registry;
    private final Clock clock;
    private final Ticker ticker;
    private final Sequence sequence;
    private final ExchangePrinter printer;
    private final Feeders feeders;
    private final boolean cookies;
    /** The closed model's users' cookies, by user; a user's jar is made at its first send. */
    private final AtomicReferenceArray<CookieJar> userCookies;
    /** Iterations in a pause; whoever removes one (its timer, or a wind-down) continues or ends it. */
    private final Set<Iteration> pausing = ConcurrentHashMap.newKeySet();
    private final LongAdder cutShort = new LongAdder();
    private volatile boolean stopping;

    /** A flow ready to run: its steps compiled, the feeders its steps use, and whether it is a plain request. */
    private record Plan(Flow flow, CompiledStep[] steps, int flowRecorder, int[] feeders, boolean plain,
                        java.util.Set<String> secretVariables) {
    }

    /**
     * @param flows the mix; step requests are numbered in flow order, as the registry's request names are
     */
    /**
     * @param maxUsers the most virtual users the closed model runs at once (0 for the open model)
     * @param shard    this generator's part of a split load ({@code ${seq}} takes its share), or {@code null}
     * @param printer  prints the first exchanges in full ({@code perf.debug}), or none
     */
    FlowRunner(List<Flow> flows, List<FeederSpec> feederSpecs, String baseUrl, HttpOptions options, int maxUsers,
               HttpSender http, MetricsRegistry registry, Clock clock, Ticker ticker, RunControl control, Shard shard,
               ExchangePrinter printer) {
        this.sequence = new Sequence(shard);
        this.printer = printer;
        Duration timeout = options.requestTimeout();
        this.cookies = options.cookies();
        this.userCookies = new AtomicReferenceArray<>(cookies ? maxUsers : 0);
        this.http = http;
        this.feeders = new Feeders(feederSpecs, control);
        this.registry = registry;
        this.clock = clock;
        this.ticker = ticker;
        this.plans = new Plan[flows.size()];
        int request = 0;
        int flowRecorder = 0;
        for (int f = 0; f < flows.size(); f++) {
            Flow flow = flows.get(f);
            CompiledStep[] steps = new CompiledStep[flow.steps().size()];
            java.util.Set<String> secretVariables = flow.steps().stream().flatMap(s -> s.captures().stream())
                    .filter(dev.perf.scenario.Capture::secret).map(dev.perf.scenario.Capture::variable)
                    .collect(java.util.stream.Collectors.toSet());
            for (int s = 0; s < steps.length; s++) {
                steps[s] = new CompiledStep(flow.steps().get(s), request++, baseUrl, timeout, secretVariables);
            }
            int[] fed = Arrays.stream(steps).flatMap(step -> step.variables().stream()).map(feeders::feederOf)
                    .filter(i -> i >= 0).distinct().mapToInt(Integer::intValue).toArray();
            boolean plain = flow.single() && steps[0].plain() && flow.steps().get(0).thinkMax().isZero();
            plans[f] = new Plan(flow, steps, flow.single() ? -1 : flowRecorder++, fed, plain, secretVariables);
        }
    }

    /** The flows whose whole duration is recorded, in the order of {@link MetricsRegistry#flowRecorders()}. */
    static List<String> recordedFlows(List<Flow> flows) {
        return flows.stream().filter(f -> !f.single()).map(Flow::name).toList();
    }

    @Override
    public void windDown() {
        stopping = true;
        for (Iteration iteration : pausing) {
            if (pausing.remove(iteration)) {
                iteration.cutShort();
            }
        }
    }

    @Override
    public void resume() {
        stopping = false;
    }

    /** Flow iterations that the end of the load cut short, in a pause or between steps. */
    long iterationsCutShort() {
        return cutShort.sum();
    }

    @Override
    public void send(int item, int stage, int user, long intendedNanos, long sentNanos, Completion completion) {
        Plan plan = plans[item];
        // the closed model's users keep their cookies across iterations; every arrival of the open model is a new user
        CookieJar jar = !cookies ? null : user >= 0 ? userJar(user) : plan.plain() ? null : new CookieJar();
        if (plan.plain()) {
            CompiledStep step = plan.steps()[0];
            Request request = CompiledStep.withCookies(step.request(null), jar);
            ExchangeHandler handler = new ExchangeHandler(registry.recorder(stage, step.requestIndex),
                    step.step.request().expect(), registry, clock, intendedNanos, sentNanos, bodyBytes(request),
                    completion, jar);
            http.execute(step.step.request().version(), request, printer.wrap(request, handler, null,
                    plan.secretVariables()));
            return;
        }
        Iteration iteration = new Iteration(plan, stage, intendedNanos, completion, jar);
        if (plan.feeders().length > 0 && !feeders.feed(plan.feeders(), user, iteration.session)) {
            completion.completed(); // the run is stopping: a feeder ran out
            return;
        }
        iteration.send(intendedNanos, sentNanos);
    }

    private CookieJar userJar(int user) {
        CookieJar jar = userCookies.get(user);
        if (jar == null) {
            userCookies.compareAndSet(user, null, new CookieJar());
            jar = userCookies.get(user);
        }
        return jar;
    }

    @Override
    public void dropped(int item, int stage) {
        registry.recorder(stage, plans[item].steps()[0].requestIndex).recordDropped();
    }

    private static long bodyBytes(Request request) {
        byte[] body = request.getByteData();
        return body == null ? 0 : body.length;
    }

    /** One run through a flow's steps. */
    private final class Iteration implements StepHandler.Done {
        private final Plan plan;
        private final int stage;
        private final long startNanos;
        private final Completion completion;
        private final Session session;
        private int step;

        Iteration(Plan plan, int stage, long startNanos, Completion completion, CookieJar jar) {
            this.session = new Session(sequence, jar);
            this.plan = plan;
            this.stage = stage;
            this.startNanos = startNanos;
            this.completion = completion;
        }

        void send(long intendedNanos, long sentNanos) {
            CompiledStep current = plan.steps()[step];
            RequestRecorder recorder = registry.recorder(stage, current.requestIndex);
            Request request;
            try {
                request = current.request(session);
            } catch (RuntimeException e) {
                // a value that cannot go into a URL, say: the step fails as a request that could not be sent
                recorder.recordFailure(ErrorKind.OTHER, "the request could not be built: " + e.getMessage(),
                        intendedNanos, sentNanos, clock.nanoTime(), 0);
                stepDone(ErrorKind.OTHER);
                return;
            }
            StepHandler handler = new StepHandler(current, session, recorder, registry, clock, intendedNanos, sentNanos,
                    bodyBytes(request), this);
            http.execute(current.step.request().version(), request, printer.wrap(request, handler, session,
                    plan.secretVariables()));
        }

        @Override
        public void stepDone(ErrorKind failure) {
            boolean last = step == plan.steps().length - 1;
            if (failure != null) {
                finish(failure);
                return;
            }
            if (last) {
                recordFlow(null);
            }
            Step done = plan.steps()[step].step;
            long pause = pauseNanos(done);
            if (stopping) {
                if (last) {
                    completion.completed();
                } else {
                    cutShort();
                }
                return;
            }
            long due = clock.nanoTime() + pause;
            if (pause == 0) {
                next(due, due);
                return;
            }
            pausing.add(this);
            ticker.at(due, () -> {
                if (pausing.remove(this)) {
                    next(due, clock.nanoTime());
                }
            });
            if (stopping && pausing.remove(this)) {
                cutShort(); // the load wound down while this pause was being set
            }
        }

        /** After a step's pause: the next step, or the end of the iteration after the last step's pause. */
        private void next(long intendedNanos, long nowNanos) {
            if (step == plan.steps().length - 1) {
                completion.completed();
                return;
            }
            if (stopping) {
                cutShort();
                return;
            }
            step++;
            send(intendedNanos, nowNanos);
        }

        /** Ends the iteration where it is: the load wound down. A cut after the last step's response is no cut. */
        void cutShort() {
            if (step < plan.steps().length - 1) {
                cutShort.increment();
            }
            completion.completed();
        }

        private void finish(ErrorKind failure) {
            recordFlow(failure);
            completion.completed();
        }

        private void recordFlow(ErrorKind failure) {
            if (plan.flowRecorder() >= 0) {
                RequestRecorder flow = registry.flowRecorders().get(plan.flowRecorder());
                long now = clock.nanoTime();
                if (failure == null) {
                    flow.recordResponse(-1, true, startNanos, startNanos, now, 0, 0);
                } else {
                    flow.recordFailure(failure, "step " + plan.steps()[step].step.request().name() + " failed ("
                            + failure.label() + ")", startNanos, startNanos, now, 0);
                }
            }
        }
    }

    private static long pauseNanos(Step step) {
        long min = step.thinkMin().toNanos();
        long max = step.thinkMax().toNanos();
        return max <= min ? min : ThreadLocalRandom.current().nextLong(min, max + 1);
    }
}
