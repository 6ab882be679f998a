package dev.perf.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tracks the performance of tests into perf's run history. On a class, every test method is an operation and
 * {@link PerfTracker#track} blocks are recorded too; on a method, that method. Each test class is one run of the
 * history, named after the class (or {@link #name()}), with one operation per tracked method or block.
 *
 * <pre>
 * &#64;TrackPerformance(thresholds = "success-rate &gt;= 95%")
 * class CustomerClientTest {
 *     &#64;Test
 *     &#64;TrackPerformance(repetitions = 20, warmup = 5, thresholds = {"p95 &lt;= 200ms", "p95 &lt;= baseline * 1.2"})
 *     void createsACustomer() { ... }
 * }
 * </pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PerfExtension.class)
public @interface TrackPerformance {

    /**
     * On a class, the test's name in the history (default: the class's simple name); on a method, the operation's
     * name (default: the method's name). Operation names are letters, digits, '-' and '_'.
     */
    String name() default "";

    /**
     * How many measured executions: more than one runs the method body again within the test (without its
     * {@code @BeforeEach}), each execution recorded in the operation's HdrHistogram. On a class, for every method.
     */
    int repetitions() default 1;

    /** Executions before the measured ones, not recorded (a failing one fails the test). */
    int warmup() default 0;

    /**
     * Thresholds in perf's language. On a method, judged when its executions are done, on its operation unless
     * they name another ({@code p95 <= 200ms}, {@code success-rate >= 95%}, {@code p95 <= baseline * 1.2}); on a
     * class, judged when the class is done, on all its operations unless they name one
     * ({@code create-customer.p95 <= 200ms}), and may judge resources ({@code generator.cpu.avg <= 80%}).
     */
    String[] thresholds() default {};
}
