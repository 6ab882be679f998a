import io.netty.handler.codec.http.HttpHeaders;
import org.asynchttpclient.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling: a bare AsyncHttpClient closed loop (lean handler, no recording), for comparison with the engine.
 * Usage: java -cp ENGINE_CLASSPATH BareAhc SECONDS [WARM_UP_SECONDS]
 */
public class BareAhc {
    public static void main(String[] args) throws Exception {
        int connections = 50;
        long seconds = Long.parseLong(args.length > 0 ? args[0] : "15");
        long warmupSeconds = Long.parseLong(args.length > 1 ? args[1] : "0");
        AsyncHttpClient client = new DefaultAsyncHttpClient(new DefaultAsyncHttpClientConfig.Builder()
                .setIoThreadsCount(1).setUseNativeTransport(true).setMaxRequestRetry(0)
                .setRequestTimeout(Duration.ofSeconds(10)).setReadTimeout(Duration.ofSeconds(10)).build());
        Request request = new RequestBuilder("GET").setUrl("http://127.0.0.1:18090/").build();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + (warmupSeconds + seconds) * 1_000_000_000L;
        for (int i = 0; i < connections; i++) {
            loop(client, request, done, end);
        }
        Thread.sleep(warmupSeconds * 1000);
        var cpu0 = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        long start = System.nanoTime();
        long before = done.get();
        Thread.sleep(seconds * 1000);
        long n = done.get() - before;
        var cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(cpu0);
        System.out.printf("bare AHC loop: %.0f req/s, CPU %.2f us/request%n", n / ((System.nanoTime() - start) / 1e9),
                cpu.toNanos() / 1e3 / n);
        client.close();
    }

    static void loop(AsyncHttpClient client, Request request, AtomicLong done, long end) {
        client.executeRequest(request, new AsyncHandler<Void>() {
            public State onStatusReceived(HttpResponseStatus s) { return State.CONTINUE; }
            public State onHeadersReceived(HttpHeaders h) { return State.CONTINUE; }
            public State onBodyPartReceived(HttpResponseBodyPart b) { return State.CONTINUE; }
            public void onThrowable(Throwable t) { }
            public Void onCompleted() {
                done.incrementAndGet();
                if (System.nanoTime() < end) {
                    loop(client, request, done, end);
                }
                return null;
            }
        });
    }
}
