package dev.perf.junit;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs fixture test classes in-process, as Surefire would, against a history of the test's own. */
final class Fixtures {

    private Fixtures() {
    }

    static EngineExecutionResults run(Path folder, Class<?> fixture, String... parameters) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture))
                .configurationParameter("perf.history", folder.resolve("history.db").toString())
                .configurationParameter("perf.outputDirectory", folder.resolve("perf").toString())
                .configurationParameter("perf.track.monitor", "off");
        for (int i = 0; i < parameters.length; i += 2) {
            kit.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return kit.execute();
    }

    /** One recorded operation's whole-run figures. */
    record Figures(long count, long ok, long failed, Double p50Ms, Double cpuMs, Double allocatedBytes) {
    }

    /** The figures of the test's runs in the history, by run and operation ({@code run#operation}). */
    static Map<String, Figures> history(Path folder, String test) throws SQLException {
        Map<String, Figures> figures = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("history.db"));
             PreparedStatement s = c.prepareStatement("""
                     SELECT r.run_id, f.request, f.count, f.ok, f.failed, f.p50_ms, f.cpu_ms, f.allocated_bytes
                     FROM figures f JOIN runs r ON r.id = f.run
                     WHERE r.scenario = ? AND f.stage = -1 ORDER BY r.id, f.request""")) {
            s.setString(1, test);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    figures.put(r.getString(1) + "#" + r.getString(2), new Figures(r.getLong(3), r.getLong(4),
                            r.getLong(5), (Double) r.getObject(6), (Double) r.getObject(7), (Double) r.getObject(8)));
                }
            }
        }
        return figures;
    }

    /** One value from the history. */
    static Object scalar(Path folder, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("history.db"));
             ResultSet r = c.createStatement().executeQuery(sql)) {
            return r.next() ? r.getObject(1) : null;
        }
    }
}
