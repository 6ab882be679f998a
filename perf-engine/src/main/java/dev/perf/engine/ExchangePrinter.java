package dev.perf.engine;

import dev.perf.scenario.Secrets;
import org.asynchttpclient.AsyncHandler;
import org.asynchttpclient.Request;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Prints the first exchanges of a run in full ({@code perf.debug=N}, and every exchange of a dry run): the request
 * line, headers and body, the status, headers and body of the response (bodies up to {@value #BODY_CAP_BYTES}
 * bytes), the protocol and the times. Secrets are masked: credential headers (Authorization, Cookie...) and headers
 * whose names say they hold one, the scenario's secret values, and the values a flow captured as secret, in every
 * encoding they travel in. Costs one read of a counter per request once the N are printed.
 */
final class ExchangePrinter {
    /** A body is shown up to this many bytes. */
    static final int BODY_CAP_BYTES = 2048;
    private final AtomicInteger left;
    private final int total;
    private final Secrets secrets;
    private final Consumer<String> out;
    private final Clock clock;

    /**
     * @param exchanges how many to print
     * @param out       gets each exchange as one block of lines
     */
    ExchangePrinter(int exchanges, Secrets secrets, Consumer<String> out, Clock clock) {
        this.left = new AtomicInteger(exchanges);
        this.total = exchanges;
        this.secrets = secrets;
        this.out = out;
        this.clock = clock;
    }

    /** Prints nothing. */
    static ExchangePrinter none() {
        return new ExchangePrinter(0, Secrets.none(), s -> { }, Clock.SYSTEM);
    }

    /**
     * The handler to send {@code request} with: {@code handler} itself, or while exchanges are left to print, one that
     * prints the exchange once it ends and passes everything on to {@code handler}.
     *
     * @param session         the flow iteration's variables, or {@code null} for a plain request
     * @param secretVariables which of them hold secrets (captured as secret, or listed)
     */
    AsyncHandler<?> wrap(Request request, AsyncHandler<?> handler, Session session, Set<String> secretVariables) {
        if (left.get() <= 0) {
            return handler;
        }
        int number = total - left.decrementAndGet();
        if (number > total) {
            return handler;
        }
        return new PrintedExchange<>(request, handler, number, total, clock, block -> out.accept(block),
                () -> session == null ? secrets : secrets.with(session.values(secretVariables)));
    }
}
