package dev.perf.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perf.analysis.ThresholdResult;
import dev.perf.metrics.Histograms;
import dev.perf.metrics.IntervalPoint;
import dev.perf.metrics.OperationCost;
import dev.perf.metrics.RequestStats;
import dev.perf.metrics.StageMetrics;
import dev.perf.scenario.ResourceMetric;
import dev.perf.monitor.ResourceSummary;
import dev.perf.scenario.Scope;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A history in a SQL database: all of the history's SQL, written once for every backend (standard SQL that SQLite and
 * PostgreSQL both run). A backend opens the connection and migrates its schema ({@link Schema}); this holds one
 * connection, the only writer of its process; each run is one transaction, so a run killed or cut off mid-write leaves
 * nothing behind.
 */
abstract class SqlHistoryStore implements HistoryStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final String location;

    SqlHistoryStore(Connection connection, String location) {
        this.connection = connection;
        this.location = location;
    }

    /** The connection with its schema migrated; closed when the migration fails (a newer schema, a lost server). */
    static Connection migrated(Connection connection, String location, Schema.Versioning versioning)
            throws SQLException {
        try {
            Schema.migrate(connection, location, versioning);
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public String location() {
        return location;
    }

    Connection connection() {
        return connection;
    }

    /** Writes a run, its figures, histograms, series, thresholds and resources in one transaction. */
    @Override
    public synchronized void record(RunRecord run) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long id = insertRun(run);
            insertFigures(id, Schema.WHOLE_RUN, run.metrics().overall(), run.metrics().byRequest(), run.costs());
            for (StageMetrics stage : run.metrics().stages()) {
                if (stage.ran() && stage.offersLoad()) {
                    insertFigures(id, stage.index(), stage.overall(), stage.byRequest(), Map.of());
                }
            }
            insertSeries(id, run.metrics().series());
            insertThresholds(id, run.thresholds());
            if (run.resources() != null) {
                insertResources(id, run.resources());
            }
            insertDocuments(id, run.documents());
            connection.commit();
        } catch (SQLException e) {
            throw rolledBack(connection, e);
        } catch (RuntimeException e) {
            throw rolledBack(connection, e);
        } finally {
            endTransaction(connection);
        }
    }

    private long insertRun(RunRecord run) throws SQLException {
        RunContext c = run.context();
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO runs (run_id, scenario, scenario_file, scenario_sha256, project, start_time, start_epoch_ms,
                  end_time, verdict, load_model, load_description, elapsed_seconds, git_commit, git_branch, ci_build_id,
                  ci_build_url, host, hardware, hardware_json, tool_version, generator_saturated, environment,
                  inconclusive, comparable)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            s.setString(i++, run.runId());
            s.setString(i++, run.scenario());
            s.setString(i++, run.scenarioFile());
            s.setString(i++, run.scenarioSha256());
            s.setString(i++, c.project());
            s.setString(i++, run.start().toString());
            s.setLong(i++, run.start().toEpochMilli());
            s.setString(i++, run.end().toString());
            boolean inconclusive = run.verdict().equals(RunRecord.INCONCLUSIVE);
            s.setString(i++, inconclusive ? "passed" : run.verdict());
            s.setString(i++, run.loadModel());
            s.setString(i++, run.loadDescription());
            s.setDouble(i++, run.metrics().elapsedSeconds());
            s.setString(i++, c.gitCommit());
            s.setString(i++, c.gitBranch());
            s.setString(i++, c.ciBuildId());
            s.setString(i++, c.ciBuildUrl());
            s.setString(i++, c.host());
            s.setString(i++, c.hardware());
            s.setString(i++, c.hardwareJson());
            s.setString(i++, c.toolVersion());
            s.setInt(i++, run.generatorSaturated() ? 1 : 0);
            s.setString(i++, run.environment());
            s.setInt(i++, inconclusive ? 1 : 0);
            s.setInt(i, run.comparable() ? 1 : 0);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void insertFigures(long run, int stage, RequestStats overall, Map<String, RequestStats> byRequest,
                               Map<String, OperationCost> costs) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO figures (run, stage, request, count, ok, failed, dropped, elapsed_seconds, avg_ms, p50_ms,
                  p95_ms, p99_ms, max_ms, latency_hdr, cpu_ms, allocated_bytes, failed_latency_hdr)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            addFigures(s, run, stage, overall, costs.get(overall.name()));
            for (RequestStats stats : byRequest.values()) {
                addFigures(s, run, stage, stats, costs.get(stats.name()));
            }
            s.executeBatch();
        }
    }

    private static void addFigures(PreparedStatement s, long run, int stage, RequestStats stats, OperationCost cost)
            throws SQLException {
        int i = 1;
        s.setLong(i++, run);
        s.setInt(i++, stage);
        s.setString(i++, stats.name());
        s.setLong(i++, stats.count());
        s.setLong(i++, stats.ok());
        s.setLong(i++, stats.failed());
        s.setLong(i++, stats.dropped());
        s.setDouble(i++, stats.elapsedSeconds());
        setNullable(s, i++, stats.meanMillis());
        setNullable(s, i++, stats.percentileMillis(50));
        setNullable(s, i++, stats.percentileMillis(95));
        setNullable(s, i++, stats.percentileMillis(99));
        setNullable(s, i++, stats.maxMillis());
        s.setBytes(i++, encode(stats.latencyMicros()));
        setNullable(s, i++, cost == null ? null : cost.cpuMillisPerExecution());
        setNullable(s, i++, cost == null ? null : cost.allocatedBytesPerExecution());
        Histogram failedLatency = stats.failedLatencyMicros();
        s.setBytes(i, failedLatency == null || failedLatency.getTotalCount() == 0 ? null : encode(failedLatency));
        s.addBatch();
    }

    private void insertSeries(long run, Map<String, List<IntervalPoint>> series) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO series (run, request, points) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, List<IntervalPoint>> entry : series.entrySet()) {
                ArrayNode points = JSON.createArrayNode();
                for (IntervalPoint p : entry.getValue()) {
                    ObjectNode point = points.addObject();
                    point.put("t", p.endSeconds());
                    point.put("seconds", p.intervalSeconds());
                    point.put("count", p.count());
                    point.put("failed", p.failed());
                    point.put("p50Ms", p.p50Millis());
                    point.put("p90Ms", p.p90Millis());
                    point.put("p99Ms", p.p99Millis());
                    point.put("maxMs", p.maxMillis());
                }
                s.setLong(1, run);
                s.setString(2, entry.getKey());
                s.setString(3, points.toString());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertThresholds(long run, List<ThresholdResult> thresholds) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO thresholds (run, position, expression, passed, actual, note) VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < thresholds.size(); i++) {
                ThresholdResult t = thresholds.get(i);
                s.setLong(1, run);
                s.setInt(2, i);
                s.setString(3, t.threshold().expression());
                s.setInt(4, t.passed() ? 1 : 0);
                setNullable(s, 5, t.actual());
                s.setString(6, t.note());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private void insertResources(long run, ResourceSummary resources) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                INSERT INTO resources (run, scope, metric, avg, max, samples) VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Scope scope : resources.series().watched()) {
                for (ResourceMetric metric : ResourceMetric.values()) {
                    ResourceSummary.Stats stats = metric.appliesTo(scope) ? resources.stats(scope, metric) : null;
                    if (stats == null) {
                        continue;
                    }
                    s.setLong(1, run);
                    s.setString(2, scope.key());
                    s.setString(3, metric.key());
                    s.setDouble(4, stats.avg());
                    s.setDouble(5, stats.max());
                    s.setInt(6, stats.samples());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    private void insertDocuments(long run, Map<String, byte[]> documents) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO documents (run, name, gzip) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, byte[]> document : documents.entrySet()) {
                s.setLong(1, run);
                s.setString(2, document.getKey());
                s.setBytes(3, gzip(document.getValue()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** A recorded run's result file ({@code summary.json}...), or {@code null} when the history has none for it. */
    @Override
    public byte[] document(String runId, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT d.gzip FROM documents d JOIN runs r ON r.id = d.run WHERE r.run_id = ? AND d.name = ?""")) {
            s.setString(1, runId);
            s.setString(2, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? gunzip(r.getBytes(1)) : null;
            }
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws SQLException {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("a stored document is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the oldest runs of each scenario beyond {@code keepRuns}, and runs older than {@code keepDays}.
     *
     * @param keepRuns 0: no limit
     * @param keepDays 0: no limit
     * @return how many runs were deleted
     */
    @Override
    public synchronized int prune(int keepRuns, int keepDays, Instant now) throws SQLException {
        if (keepRuns <= 0 && keepDays <= 0) {
            return 0;
        }
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            // count runs rather than trusting the update count, which includes the cascaded rows
            long before = count(s);
            if (keepDays > 0) {
                s.executeUpdate("DELETE FROM runs WHERE start_epoch_ms < "
                        + now.minus(Duration.ofDays(keepDays)).toEpochMilli());
            }
            if (keepRuns > 0) {
                s.executeUpdate("""
                        DELETE FROM runs WHERE id IN (SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY
                          scenario ORDER BY start_epoch_ms DESC, id DESC) AS n FROM runs) AS ranked WHERE n > """
                        + keepRuns + ")");
            }
            int deleted = (int) (before - count(s));
            connection.commit();
            return deleted;
        } catch (SQLException e) {
            throw rolledBack(connection, e);
        } finally {
            endTransaction(connection);
        }
    }

    /**
     * Rolls the transaction back after {@code failure} and returns it. A connection that is gone (the server restarted,
     * the network failed) has rolled back already: the server drops an unfinished transaction with its connection.
     */
    static <E extends Exception> E rolledBack(Connection connection, E failure) {
        try {
            connection.rollback();
        } catch (SQLException alsoFailed) {
            failure.addSuppressed(alsoFailed);
        }
        return failure;
    }

    /** Back to one transaction per statement; a connection that is gone has nothing to go back to. */
    private static void endTransaction(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException gone) {
            // the next use of the connection reports it
        }
    }

    private static long count(Statement s) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM runs")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public List<String> scenarios() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT scenario FROM runs ORDER BY scenario");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    @Override
    public Set<String> trackedScenarios() throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT DISTINCT scenario FROM runs WHERE load_model = ?")) {
            s.setString(1, RunRecord.TRACKED);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        return names;
    }

    @Override
    public List<RunInfo> runs(String scenario, int lastRuns, int lastDays, Instant now) throws SQLException {
        List<RunInfo> runs = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT run_id, scenario, start_epoch_ms, CASE WHEN inconclusive = 1 THEN 'inconclusive' ELSE verdict END,
                  load_description, git_commit, git_branch, ci_build_url, environment
                FROM runs WHERE scenario = ? AND start_epoch_ms >= ?
                ORDER BY start_epoch_ms DESC, id DESC LIMIT ?""")) {
            s.setString(1, scenario);
            s.setLong(2, since(lastDays, now));
            s.setInt(3, lastRuns > 0 ? lastRuns : Integer.MAX_VALUE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    runs.add(new RunInfo(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8),
                            r.getString(9)));
                }
            }
        }
        Collections.reverse(runs);
        return runs;
    }

    /** The columns {@link #storedFigures} reads, from {@code runs r JOIN figures f}. */
    private static final String FIGURES_COLUMNS = """
            r.id, r.scenario, f.request, r.run_id, r.start_epoch_ms, f.count, f.ok, f.failed, f.dropped,
              f.elapsed_seconds, f.latency_hdr, f.failed_latency_hdr, f.cpu_ms, f.allocated_bytes""";

    @Override
    public List<StoredFigures> figures(String scenario, String request, int lastRuns, int lastDays, Instant now)
            throws SQLException {
        List<StoredFigures> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + FIGURES_COLUMNS + """
                 FROM runs r
                JOIN figures f ON f.run = r.id AND f.stage = ? AND f.request = ?
                WHERE r.scenario = ? AND r.start_epoch_ms >= ?
                ORDER BY r.start_epoch_ms DESC, r.id DESC LIMIT ?""")) {
            s.setInt(1, Schema.WHOLE_RUN);
            s.setString(2, request);
            s.setString(3, scenario);
            s.setLong(4, since(lastDays, now));
            s.setInt(5, lastRuns > 0 ? lastRuns : Integer.MAX_VALUE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(storedFigures(r, true));
                }
            }
        }
        Collections.reverse(rows);
        return rows;
    }

    @Override
    public List<StoredFigures> figuresSince(int lastDays, Instant now) throws SQLException {
        List<StoredFigures> rows = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT " + FIGURES_COLUMNS + """
                 FROM runs r
                JOIN figures f ON f.run = r.id AND f.stage = ?
                WHERE r.start_epoch_ms >= ? ORDER BY r.scenario, f.request""")) {
            s.setInt(1, Schema.WHOLE_RUN);
            s.setLong(2, since(lastDays, now));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(storedFigures(r, false));
                }
            }
        }
        return rows;
    }

    @Override
    public List<String> baselineRuns(String scenario, String branch, String hardware, String environment, int runs)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("""
                SELECT run_id FROM runs WHERE scenario = ?
                  AND (comparable = 1 OR (comparable IS NULL AND verdict = 'passed'))
                  AND (? IS NULL OR git_branch = ?) AND (? IS NULL OR hardware = ?) AND environment IS NOT DISTINCT FROM ?
                ORDER BY start_epoch_ms DESC, id DESC LIMIT ?""")) {
            s.setString(1, scenario);
            s.setString(2, branch);
            s.setString(3, branch);
            s.setString(4, hardware);
            s.setString(5, hardware);
            s.setString(6, environment);
            s.setInt(7, runs);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
        }
        return ids;
    }

    @Override
    public boolean hasRun(String scenario, String runId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM runs WHERE scenario = ? AND run_id = ?")) {
            s.setString(1, scenario);
            s.setString(2, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    @Override
    public StoredFigures figuresOf(String runId, String request) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + FIGURES_COLUMNS + """
                 FROM runs r
                JOIN figures f ON f.run = r.id AND f.stage = ? AND f.request = ?
                WHERE r.run_id = ?""")) {
            s.setInt(1, Schema.WHOLE_RUN);
            s.setString(2, request);
            s.setString(3, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? storedFigures(r, false) : null;
            }
        }
    }

    /** The tables that hang off a run, by the run's id in their {@code run} column. */
    private static final List<String> RUN_TABLES = List.of("figures", "series", "thresholds", "resources", "documents");

    @Override
    public int copyFrom(HistoryStore source) throws SQLException {
        if (!(source instanceof SqlHistoryStore from)) {
            throw new SQLException("cannot copy from " + source.location() + ": not a SQL history");
        }
        int copied = 0;
        List<Long> ids = new ArrayList<>();
        try (Statement s = from.connection.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM runs ORDER BY id")) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        for (long id : ids) {
            if (copyRun(from.connection, id)) {
                copied++;
            }
        }
        return copied;
    }

    /** Copies one run and its rows, unless a run of that id is here already. */
    private synchronized boolean copyRun(Connection from, long sourceId) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Long id;
            try (PreparedStatement select = from.prepareStatement("SELECT * FROM runs WHERE id = ?")) {
                select.setLong(1, sourceId);
                try (ResultSet run = select.executeQuery()) {
                    if (!run.next() || hasRunId(run.getString("run_id"))) {
                        connection.rollback();
                        return false;
                    }
                    id = insertCopy("runs", run, null, null);
                }
            }
            for (String table : RUN_TABLES) {
                try (PreparedStatement select = from.prepareStatement("SELECT * FROM " + table + " WHERE run = ?")) {
                    select.setLong(1, sourceId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            insertCopy(table, rows, "run", id);
                        }
                    }
                }
            }
            connection.commit();
            return true;
        } catch (SQLException e) {
            throw rolledBack(connection, e);
        } finally {
            endTransaction(connection);
        }
    }

    private boolean hasRunId(String runId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Inserts the current row of {@code row} into {@code table} here, every column by name but {@code id} (given
     * anew), with {@code runColumn} set to {@code runId}.
     *
     * @return the new row's id for {@code runs}, else {@code null}
     */
    private Long insertCopy(String table, ResultSet row, String runColumn, Long runId) throws SQLException {
        var meta = row.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            if (!meta.getColumnName(c).equalsIgnoreCase("id")) {
                columns.add(meta.getColumnName(c));
            }
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        boolean runs = table.equals("runs");
        try (PreparedStatement insert = runs ? connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : connection.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                String column = columns.get(i);
                Object value = column.equalsIgnoreCase(runColumn) ? runId : row.getObject(column);
                if (value == null) {
                    insert.setNull(i + 1, Types.NULL);
                } else {
                    insert.setObject(i + 1, value);
                }
            }
            insert.executeUpdate();
            if (!runs) {
                return null;
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A row of {@link #FIGURES_COLUMNS}, with the run's resource figures when asked for. */
    private StoredFigures storedFigures(ResultSet r, boolean withResources) throws SQLException {
        return new StoredFigures(r.getString(2), r.getString(3), r.getString(4), r.getLong(5), r.getLong(6),
                r.getLong(7), r.getLong(8), r.getLong(9), r.getDouble(10), decode(r.getBytes(11)),
                failedLatency(r.getBytes(12), r.getLong(8)), (Double) r.getObject(13), (Double) r.getObject(14),
                withResources ? resources(r.getLong(1)) : Map.of());
    }

    /** Runs recorded before failed latencies were kept: their latency covers every response (none kept apart). */
    private static Histogram failedLatency(byte[] stored, long failed) {
        return stored == null ? failed == 0 ? new Histogram(3) : null : decode(stored);
    }

    private Map<String, double[]> resources(long run) throws SQLException {
        Map<String, double[]> figures = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT scope, metric, avg, max, samples FROM resources WHERE run = ?")) {
            s.setLong(1, run);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    figures.put(r.getString(1) + "." + r.getString(2), new double[]{r.getDouble(3), r.getDouble(4),
                            r.getInt(5)});
                }
            }
        }
        return figures;
    }

    private static long since(int lastDays, Instant now) {
        return lastDays > 0 ? now.minus(Duration.ofDays(lastDays)).toEpochMilli() : Long.MIN_VALUE;
    }

    static byte[] encode(Histogram histogram) {
        return Histograms.encode(histogram);
    }

    static Histogram decode(byte[] bytes) {
        return Histograms.decode(bytes);
    }

    private static void setNullable(PreparedStatement s, int index, Double value) throws SQLException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            s.setNull(index, Types.DOUBLE);
        } else {
            s.setDouble(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
