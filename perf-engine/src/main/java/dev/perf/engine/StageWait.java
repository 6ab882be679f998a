package dev.perf.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** How the caller's thread waits for a stage that runs on an event loop: until it is done, or shortly after an abort. */
final class StageWait {

    private StageWait() {
    }

    /** @return whether the stage finished (false: aborted and it did not finish within a second) */
    static boolean await(CountDownLatch done, RunControl control) throws InterruptedException {
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            if (control.aborted()) {
                // the stage's next tick sees the abort and ends it
                return done.await(1, TimeUnit.SECONDS);
            }
        }
        return true;
    }
}
