package dev.perf.scenario.yaml;

import dev.perf.scenario.Printable;
import dev.perf.scenario.Secrets;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a scenario file. Its text is printable whatever the file holds: control characters are
 * escaped, a long value quoted in the message and a long source line are cut.
 *
 * @param file       the file
 * @param line       1-based line, 0 if unknown
 * @param column     1-based column, 0 if unknown
 * @param field      field path such as {@code requests[1].method}, or empty for the document
 * @param message    what is wrong and what would be valid
 * @param sourceLine the offending line as written, or empty
 */
public record Problem(Path file, int line, int column, String field, String message, String sourceLine) {
    /** A quoted value in a message longer than this is cut. */
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^'\\n]{" + (Printable.MAX_QUOTED + 1) + ",})'");
    /** How much of a source line is shown on each side of the column. */
    private static final int SOURCE_CONTEXT = 100;

    public Problem {
        field = Printable.escape(field);
        message = printable(message);
        if (sourceLine.length() > 2 * SOURCE_CONTEXT) {
            int from = Math.max(0, Math.min(column - 1 - SOURCE_CONTEXT, sourceLine.length() - 2 * SOURCE_CONTEXT));
            String cut = sourceLine.substring(from, from + 2 * SOURCE_CONTEXT);
            column = column - from + (from > 0 ? 1 : 0);
            sourceLine = (from > 0 ? "…" : "") + cut + "…";
        }
        sourceLine = Printable.escape(sourceLine);
    }

    /** The same problem with every secret value masked, in the message and in the line shown. */
    Problem masked(Secrets secrets) {
        return secrets.isEmpty() ? this
                : new Problem(file, line, column, field, secrets.mask(message), secrets.mask(sourceLine));
    }

    /** {@code file:line:column: field: message}, then the line and a caret under the column. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(file).append(':').append(line).append(':').append(column).append(": ");
        if (!field.isEmpty()) {
            out.append(field).append(": ");
        }
        out.append(message);
        if (!sourceLine.isEmpty()) {
            out.append(System.lineSeparator()).append("    ").append(sourceLine);
            out.append(System.lineSeparator()).append("    ").append(" ".repeat(Math.max(0, column - 1))).append('^');
        }
        return out.toString();
    }

    private static String printable(String message) {
        Matcher m = LONG_QUOTE.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("'" + Printable.quoted(m.group(1)) + "'"));
        }
        m.appendTail(out);
        return Printable.escapeKeepingLines(out.toString());
    }
}
