package dev.perf.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The tracked sample run as Surefire runs it (through JUnit), into a history of its own: the run lands with one
 * entry per operation and the right counts, judged against its thresholds.
 */
@Timeout(60)
class CustomerClientTrackedRecordsTest {
    @TempDir
    Path folder;

    @Test
    void theSampleRecordsEveryOperationWithItsCounts() throws Exception {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(CustomerClientTrackedTest.class))
                .configurationParameter("perf.history", folder.resolve("history.db").toString())
                .configurationParameter("perf.outputDirectory", folder.resolve("perf").toString())
                .execute().allEvents().assertStatistics(s -> s.failed(0));

        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("history.db"));
             ResultSet r = c.createStatement().executeQuery("""
                     SELECT f.request, f.count, f.failed, r.verdict, r.load_model FROM figures f
                     JOIN runs r ON r.id = f.run WHERE r.scenario = 'customer-client' AND f.stage = -1""")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
                assertThat(r.getLong(3)).as(r.getString(1) + " failures").isZero();
                assertThat(r.getString(4) + " " + r.getString(5)).isEqualTo("passed tracked");
            }
        }
        int journeys = CustomerClientTrackedTest.JOURNEYS;
        assertThat(counts).containsEntry("read-customer", 50L).containsEntry("create-customer", (long) journeys)
                .containsEntry("update-customer", (long) journeys).containsEntry("delete-customer", (long) journeys)
                .containsEntry("createsUpdatesAndDeletesCustomers", 1L)
                .containsEntry("ALL", 50L + 3 * journeys + 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("history.db"));
             ResultSet r = c.createStatement().executeQuery("SELECT expression, passed FROM thresholds ORDER BY position")) {
            Map<String, Boolean> thresholds = new LinkedHashMap<>();
            while (r.next()) {
                thresholds.put(r.getString(1), r.getBoolean(2));
            }
            assertThat(thresholds).containsOnlyKeys("read-customer.p95 <= 250ms", "success-rate >= 99%",
                    "create-customer.p95 <= 500ms", "delete-customer.p99 <= 1s", "create-customer.count >= 10");
        }
    }
}
