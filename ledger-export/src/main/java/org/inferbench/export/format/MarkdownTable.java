package org.inferbench.export.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A GitHub-flavoured markdown table. Columns are right-aligned (numbers) except the first one and those
 * named text columns, which are left-aligned. Cell text is escaped so that a reason with a {@code |} or a
 * newline cannot break the table.
 */
final class MarkdownTable {

    private final List<String> columns;
    private final Set<String> textColumns = new HashSet<>();
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(List<String> columns) {
        this.columns = List.copyOf(columns);
        textColumns.add(columns.get(0));
    }

    /** Left-aligns these columns besides the first. */
    MarkdownTable text(List<String> names) {
        textColumns.addAll(names);
        return this;
    }

    /** Adds a row; missing trailing cells are left empty. */
    MarkdownTable row(String... cells) {
        if (cells.length > columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + columns.size() + " columns");
        }
        String[] padded = Arrays.copyOf(cells, columns.size());
        Arrays.fill(padded, cells.length, padded.length, "");
        rows.add(List.of(padded));
        return this;
    }

    void appendTo(StringBuilder out) {
        appendRow(out, columns);
        columns.forEach(column -> out.append(textColumns.contains(column) ? "|---" : "|---:"));
        out.append("|\n");
        rows.forEach(row -> appendRow(out, row));
    }

    private static void appendRow(StringBuilder out, List<String> cells) {
        for (String cell : cells) {
            out.append("| ").append(escape(cell)).append(' ');
        }
        out.append("|\n");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
