package dev.perf.report;

import java.util.List;
import java.util.function.Consumer;

/** Plain-text tables for the console: padded columns, text left-aligned, numbers right-aligned. */
final class Tables {

    private Tables() {
    }

    /**
     * @param rows        the header first
     * @param leftColumns how many leading (text) columns are left-aligned
     */
    static void print(List<String[]> rows, int leftColumns, Consumer<String> out) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.length; c++) {
                String pad = " ".repeat(widths[c] - row[c].length());
                line.append(c < leftColumns ? row[c] + pad : pad + row[c]).append(c < row.length - 1 ? "  " : "");
            }
            out.accept(line.toString().stripTrailing());
        }
    }
}
