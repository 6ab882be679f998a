package dev.perf.junit;

import dev.perf.junit.fixtures.ForkedWork;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.nio.file.Path;

/** A test JVM of its own, as a Surefire fork is: runs {@link ForkedWork} a few times into a shared history. */
public final class ForkMain {

    private ForkMain() {
    }

    /** @param args the shared folder, and how many times to run the class */
    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int times = Integer.parseInt(args[1]);
        for (int i = 0; i < times; i++) {
            EngineExecutionResults results = Fixtures.run(folder, ForkedWork.class);
            if (results.allEvents().failed().count() > 0) {
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
