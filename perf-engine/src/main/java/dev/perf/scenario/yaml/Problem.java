package dev.perf.scenario.yaml;

import java.nio.file.Path;

/**
 * One thing wrong with a scenario file.
 *
 * @param file       the file
 * @param line       1-based line, 0 if unknown
 * @param column     1-based column, 0 if unknown
 * @param field      field path such as {@code requests[1].method}, or empty for the document
 * @param message    what is wrong and what would be valid
 * @param sourceLine the offending line as written, or empty
 */
public record Problem(Path file, int line, int column, String field, String message, String sourceLine) {

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
}
