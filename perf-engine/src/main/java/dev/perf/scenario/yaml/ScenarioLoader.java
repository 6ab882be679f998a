package dev.perf.scenario.yaml;

import dev.perf.scenario.Threshold;
import dev.perf.scenario.LoadSpec;
import dev.perf.scenario.LiveSpec;
import dev.perf.scenario.MonitorSpec;
import dev.perf.scenario.FeederSpec;
import dev.perf.scenario.Flow;
import dev.perf.scenario.Secrets;
import dev.perf.scenario.VerdictSpec;
import dev.perf.scenario.Scenario;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads and validates a scenario file.
 *
 * <p>YAML is only <em>composed</em> into a node tree: no object of any type named in the document is ever
 * constructed. Files are limited to {@value #MAX_BYTES} bytes (counted while reading), documents to
 * {@value #MAX_NESTING} levels of nesting, {@value #MAX_ALIASES} aliases and what {@link Expansion} allows them to
 * expand to. Every problem is collected and thrown together, with secret values masked.
 */
public final class ScenarioLoader {
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_CODE_POINTS = MAX_BYTES;
    static final int MAX_NESTING = 40;
    /** The longest line, in characters. */
    static final int MAX_LINE = 64 * 1024;
    static final int MAX_ALIASES = 1_000_000; // more than a 1 MiB file can hold: Expansion bounds them, with a position
    static final Set<String> TOP_LEVEL = YamlDoc.keys("name", "description", "target", "defaults", "secrets", "feeders", "requests", "flows", "include", "environments",
            "load", "thresholds", "monitor", "verdict", "live");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Substitutor substitutor;

    public ScenarioLoader(Substitutor substitutor) {
        this.substitutor = substitutor;
    }

    /**
     * @throws ScenarioException     listing every problem, with positions
     * @throws UncheckedIOException  when the file cannot be read at all (broken plumbing, not a wrong scenario)
     */
    public Scenario load(Path file) throws ScenarioException {
        String text;
        try {
            text = ProjectFiles.utf8(ProjectFiles.read(file, MAX_BYTES));
        } catch (ProjectFiles.NotUtf8 e) {
            throw new ScenarioException(List.of(new Problem(file, e.line, 1, "", "is not UTF-8 text from this line on; "
                    + "save the file as UTF-8", "")));
        } catch (ProjectFiles.TooLarge e) {
            throw new ScenarioException(List.of(new Problem(file, 0, 0, "", "is larger than "
                    + ProjectFiles.size(MAX_BYTES) + ", the limit for a scenario file; split it with include:", "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenario file " + file + ": " + e.getMessage()
                    + "; check its permissions, or perf.scenariosDirectory", e);
        }
        return parse(file, text);
    }

    /** Parses YAML text as if it were {@code file}. */
    public Scenario parse(Path file, String text) throws ScenarioException {
        YamlDoc doc = new YamlDoc(file, text, substitutor);
        Node root = compose(doc, text);
        if (root == null) {
            if (doc.problems().isEmpty()) {
                doc.problemAt(1, 1, "", "the file is empty; a scenario needs at least target, requests and load");
            }
            throw new ScenarioException(doc.problems());
        }
        if (!Expansion.check(doc, root)) {
            throw new ScenarioException(doc.problems());
        }
        Map<String, YamlDoc.Entry> top = doc.mapping(root, "", TOP_LEVEL);
        EnvironmentsReader.Environment environment = null;
        if (top.containsKey("environments")) {
            environment = EnvironmentsReader.select(doc, top.get("environments").value(),
                    substitutor.property(EnvironmentsReader.PROPERTY));
            if (environment != null) {
                doc.substitutor(substitutor.withProperties(environment.variables()));
            }
        }
        boolean environmentUrl = environment != null && environment.baseUrl() != null;
        String name = fileBaseName(file);
        if (top.containsKey("name")) {
            String given = doc.label(top.get("name").value(), "name");
            name = given == null ? name : given;
        }
        for (String required : List.of("target", "requests", "load")) {
            if (!top.containsKey(required) && root instanceof org.yaml.snakeyaml.nodes.MappingNode
                    && !doc.suggested(required) && !(required.equals("requests") && top.containsKey("flows"))
                    && !(required.equals("requests") && top.containsKey("include"))
                    && !(required.equals("target") && environmentUrl)) {
                doc.problemAt(1, 1, required, "missing; " + hint(required));
            }
        }
        String baseUrl = environmentUrl ? environment.baseUrl()
                : top.containsKey("target") ? TargetReader.read(doc, top.get("target").value()) : null;
        Defaults defaults = top.containsKey("defaults")
                ? Defaults.read(doc, top.get("defaults").value())
                : Defaults.none();
        if (top.containsKey("secrets")) {
            readSecrets(doc, top.get("secrets").value());
        }
        List<FeederSpec> feeders = top.containsKey("feeders")
                ? FeedersReader.read(doc, top.get("feeders").value()) : List.of();
        doc.feederColumns(feeders.stream().flatMap(f -> f.columns().stream()).toList());
        List<String> requestNames = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        if (top.containsKey("requests")) {
            flows.addAll(RequestsReader.read(doc, top.get("requests").value(), defaults, requestNames));
        }
        if (top.containsKey("flows")) {
            flows.addAll(FlowsReader.read(doc, top.get("flows").value(), defaults, requestNames));
        }
        if (top.containsKey("include")) {
            flows.addAll(Includes.read(doc, top.get("include").value(), defaults, requestNames));
        }
        LoadSpec load = top.containsKey("load") ? LoadReader.read(doc, top.get("load").value(), requestNames) : null;
        List<Threshold> thresholds = top.containsKey("thresholds")
                ? ThresholdsReader.read(doc, top.get("thresholds").value(), requestNames, flowSteps(flows), load)
                : List.of();

        MonitorSpec monitor = top.containsKey("monitor")
                ? MonitorReader.read(doc, top.get("monitor").value()) : MonitorSpec.defaults();
        VerdictSpec verdict = top.containsKey("verdict")
                ? VerdictReader.read(doc, top.get("verdict").value()) : VerdictSpec.defaults();
        LiveSpec live = top.containsKey("live") ? LiveReader.read(doc, top.get("live").value()) : LiveSpec.none();

        Secrets secrets = Secrets.of(doc.secrets());
        if (!doc.problems().isEmpty()) {
            throw new ScenarioException(file, doc.problems().stream().map(p -> p.masked(secrets)).toList());
        }
        return new Scenario(name, file, baseUrl, defaults.http(), flows, feeders, load, thresholds, monitor,
                secrets, environment == null ? null : environment.name(), verdict, live);
    }

    /** Each flow of several steps (one whose iterations are measured), with its steps' names. */
    private static Map<String, List<String>> flowSteps(List<Flow> flows) {
        Map<String, List<String>> steps = new LinkedHashMap<>();
        for (Flow flow : flows) {
            if (!flow.single()) {
                steps.put(flow.name(), flow.steps().stream().map(step -> step.request().name()).toList());
            }
        }
        return steps;
    }

    /** {@code secrets: [env.API_KEY, apiKey]}: variables whose values are masked wherever a message could show them. */
    private static void readSecrets(YamlDoc doc, Node node) {
        for (Node item : doc.list(node, "secrets", true)) {
            String name = doc.requiredString(item, "secrets");
            if (name == null) {
                continue;
            }
            // a variable that is not set has no value to hide; using it elsewhere without a default is an error there
            String value = doc.substitute("${" + name.trim() + ":-}", item, "secrets");
            if (value != null && !value.isEmpty()) {
                doc.secret(value);
            }
        }
    }

    static Node compose(YamlDoc doc, String text) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE) {
                    // SnakeYAML copies its whole window for every kilobyte of a token: a 1 MiB line takes a second
                    doc.problemAt(line, 1, "", "this line is longer than " + MAX_LINE + " characters; break it up: "
                            + "a long string can span lines (a block scalar, | or >), and a long list or mapping can "
                            + "take one item per line");
                    return null;
                }
                lineStart = i + 1;
                line++;
            }
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // what aliases expand to is bounded by Expansion, with a position; this only stops a parser-level flood
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            var context = e.getContextMark();
            var mark = e.getProblemMark() != null ? e.getProblemMark() : context;
            boolean began = context != null && mark != null && context.getLine() < mark.getLine();
            String message = "not valid YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext()
                    + (began ? ", which began on line " + (context.getLine() + 1) + " column " + (context.getColumn() + 1) : "")
                    + ")" : "");
            if (began && e.getContext() != null && (e.getContext().startsWith("while scanning")
                    || e.getContext().startsWith("while parsing a flow"))) {
                // an unclosed quote or bracket: where it began is where to look, not where the parser gave up
                doc.problemAt(context.getLine() + 1, context.getColumn() + 1, "", message + "; the parser gave up on line "
                        + (mark.getLine() + 1));
            } else {
                doc.problemAt(mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1, "", message);
            }
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            int[] at = lineAndColumn(text, text.offsetByCodePoints(0, Math.min(e.getPosition(),
                    text.codePointCount(0, text.length()))));
            doc.problemAt(at[0], at[1], "", "not valid YAML: the character " + String.format("U+%04X", e.getCodePoint())
                    + " is not allowed in YAML text (a control character); write it escaped in a double-quoted "
                    + "string, e.g. \\u0000");
        } catch (YAMLException e) {
            if (String.valueOf(e.getMessage()).startsWith("Nesting Depth exceeded")) {
                tooDeep(doc, text);
            } else {
                doc.problemAt(1, 1, "", "not accepted: " + e.getMessage());
            }
        }
        return null;
    }

    /** Where nesting first goes deeper than {@value #MAX_NESTING} levels, found from the parser's events. */
    private static void tooDeep(YamlDoc doc, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        int depth = 0;
        for (org.yaml.snakeyaml.events.Event event : new Yaml(options).parse(new StringReader(text))) {
            if (event instanceof org.yaml.snakeyaml.events.CollectionStartEvent && ++depth > MAX_NESTING) {
                doc.problemAt(event.getStartMark().getLine() + 1, event.getStartMark().getColumn() + 1, "",
                        "nested more than " + MAX_NESTING + " levels deep; a scenario needs far fewer");
                return;
            } else if (event instanceof org.yaml.snakeyaml.events.CollectionEndEvent) {
                depth--;
            }
        }
        doc.problemAt(1, 1, "", "nested more than " + MAX_NESTING + " levels deep; a scenario needs far fewer");
    }

    /** The 1-based line and column of a character offset. */
    static int[] lineAndColumn(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static String hint(String key) {
        return switch (key) {
            case "target" -> "add 'target: { baseUrl: http://localhost:8080 }', or choose an environment that has a "
                    + "baseUrl with -D" + EnvironmentsReader.PROPERTY + "=<name>";
            case "requests" -> "add a list of requests, e.g. 'requests: [ { name: home, path: / } ]', or of flows "
                    + "(flows: [ { name: journey, steps: [ ... ] } ])";
            default -> "add e.g. 'load: { rate: 50/s, duration: 30s }' or 'load: { concurrency: 10, duration: 30s }'";
        };
    }

    private static String fileBaseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
