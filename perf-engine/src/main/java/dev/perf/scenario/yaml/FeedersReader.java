package dev.perf.scenario.yaml;

import dev.perf.scenario.FeederSpec;
import dev.perf.scenario.Template;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code feeders:}: CSV files whose header row names variables, e.g.
 * {@code users: { file: users.csv, order: sequential, share: global }}. The files are read when the scenario loads,
 * so a missing or malformed file is a validation error and no request is sent.
 */
final class FeedersReader {
    private static final Set<String> KEYS = YamlDoc.keys("file", "order", "share");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A feeder file larger than this is refused: its rows are held in memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private FeedersReader() {
    }

    static List<FeederSpec> read(YamlDoc doc, Node node) {
        List<FeederSpec> feeders = new ArrayList<>();
        Map<String, String> columnOwners = new HashMap<>();
        for (YamlDoc.Entry entry : doc.mapping(node, "feeders", null).values()) {
            String field = "feeders." + entry.key();
            FeederSpec feeder = readOne(doc, entry, field);
            if (feeder == null) {
                continue;
            }
            for (String column : feeder.columns()) {
                String owner = columnOwners.putIfAbsent(column, feeder.name());
                if (owner != null) {
                    doc.problem(entry.value(), field, "column '" + column + "' is also a column of feeder '" + owner
                            + "'; each variable comes from one feeder");
                }
            }
            feeders.add(feeder);
        }
        return feeders;
    }

    private static FeederSpec readOne(YamlDoc doc, YamlDoc.Entry entry, String field) {
        int before = doc.problems().size();
        Map<String, YamlDoc.Entry> f = doc.mapping(entry.value(), field, KEYS);
        if (!f.containsKey("file")) {
            if (doc.problems().size() == before) {
                doc.problem(entry.value(), field + ".file", "missing; the CSV file whose header row names the variables");
            }
            return null;
        }
        FeederSpec.Order order = f.containsKey("order")
                ? choice(doc, f.get("order").value(), field + ".order", FeederSpec.Order.class) : FeederSpec.Order.SEQUENTIAL;
        FeederSpec.Share share = f.containsKey("share")
                ? choice(doc, f.get("share").value(), field + ".share", FeederSpec.Share.class) : FeederSpec.Share.GLOBAL;
        String fileName = doc.requiredString(f.get("file").value(), field + ".file");
        if (fileName == null || doc.problems().size() > before) {
            return null;
        }
        Node at = f.get("file").value();
        Path file = doc.namedFile(at, field + ".file", fileName, MAX_BYTES);
        if (file == null) {
            return null;
        }
        List<List<String>> rows;
        try {
            rows = Csv.parse(ProjectFiles.utf8(ProjectFiles.read(file, MAX_BYTES)));
        } catch (ProjectFiles.NotUtf8 e) {
            doc.problem(at, field + ".file", "'" + fileName + "' is not UTF-8 text from its line " + e.line
                    + " on; save it as UTF-8");
            return null;
        } catch (IOException | IllegalArgumentException e) {
            doc.problem(at, field + ".file", "'" + fileName + "' cannot be read: " + e.getMessage());
            return null;
        }
        if (rows.size() < 2) {
            doc.problem(at, field + ".file", "'" + fileName + "' needs a header row naming the variables and at least "
                    + "one record");
            return null;
        }
        List<String> columns = rows.get(0).stream().map(String::trim).toList();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (!VARIABLE.matcher(column).matches() || Template.isGenerator(column) || column.length() > 100) {
                // the file's contents are not shown: a wrongly named file may hold anything
                doc.problem(at, field + ".file", "'" + fileName + "' line 1: column " + (i + 1) + " of the header row "
                        + "is not a variable name; name each column with letters, digits and '_' (not starting with a "
                        + "digit, at most 100 characters)");
                return null;
            }
        }
        List<List<String>> records = rows.subList(1, rows.size());
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).size() != columns.size()) {
                doc.problem(at, field + ".file", "'" + fileName + "': record " + (i + 1) + " has " + records.get(i).size()
                        + " fields; the header has " + columns.size());
                return null;
            }
        }
        return new FeederSpec(entry.key(), file, columns, records, order, share);
    }

    private static <E extends Enum<E>> E choice(YamlDoc doc, Node node, String field, Class<E> type) {
        E[] values = type.getEnumConstants();
        String text = doc.requiredString(node, field);
        if (text != null) {
            String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E value : values) {
                if (value.name().equals(key)) {
                    return value;
                }
            }
            List<String> valid = Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .toList();
            doc.problem(node, field, "'" + text + "' is not valid" + Suggestions.didYouMean(text, valid) + " (valid: "
                    + String.join(", ", valid) + ")");
        }
        return values[0];
    }
}
