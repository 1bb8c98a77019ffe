package org.inferbench.export.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inferbench.export.aggregate.RoutingOverhead;

/**
 * The routing overhead (mode B, SPEC section 9): per cell, one row per prompt sent both straight to the engine and
 * through the gateway in the same run, the p50s of each side and routed minus direct. Appended only when a run sent
 * some cell and prompt both ways, so other reports keep their bytes.
 */
final class RoutingMarkdown {

    static final List<String> COLUMNS = List.of("prompt", "backend", "direct n", "routed n",
            "direct first_delta_ms p50", "routed first_delta_ms p50", "routed - direct first_delta_ms p50",
            "direct total_duration_ms p50", "routed total_duration_ms p50", "routed - direct total_duration_ms p50");

    private RoutingMarkdown() {
    }

    static void append(StringBuilder out, List<RoutingOverhead> overheads) {
        if (overheads.isEmpty()) {
            return;
        }
        out.append("\n## Routing overhead\n\n");
        out.append("Times in ms, warm calls that did not fail. The same cell and prompt sent straight to the engine"
                + " and through the routing gateway in this run (mode B): routed minus direct is what the gateway"
                + " adds (SPEC section 9). A difference of p50s, not a p50 of differences: the two sides are"
                + " different calls. backend: the gateway's X-Weeyuga-Backend answers.\n");
        Map<String, List<RoutingOverhead>> byCell = new LinkedHashMap<>();
        overheads.forEach(row -> byCell.computeIfAbsent(row.cellId(), id -> new ArrayList<>()).add(row));
        byCell.forEach((cellId, rows) -> {
            out.append("\n### ").append(cellId).append(": routing overhead\n\n");
            MarkdownTable table = new MarkdownTable(COLUMNS).text(List.of("backend"));
            List<RoutingOverhead> notRouted = rows.stream().filter(row -> row.notRouted() != null).toList();
            for (RoutingOverhead row : rows) {
                if (row.notRouted() != null) {
                    continue;
                }
                table.row(row.promptId(), row.backends().isEmpty() ? Figures.text(null) : String.join(", ", row.backends()),
                        Integer.toString(row.direct().n()), Integer.toString(row.routed().n()),
                        Figures.whole(row.direct().firstDeltaMs().p50()),
                        Figures.whole(row.routed().firstDeltaMs().p50()), Figures.millis(row.firstDeltaOverheadMs()),
                        Figures.whole(row.direct().totalDurationMs().p50()),
                        Figures.whole(row.routed().totalDurationMs().p50()),
                        Figures.millis(row.totalDurationOverheadMs()));
            }
            boolean anyRouted = notRouted.size() < rows.size();
            if (anyRouted) {
                table.appendTo(out);
            }
            if (anyRouted && !notRouted.isEmpty()) {
                out.append('\n');
            }
            // A routed batch not run (its gateway variable unset) beside a direct one that ran: said, not dropped.
            notRouted.forEach(row -> out.append("- ").append(row.promptId()).append(": ").append(row.notRouted())
                    .append('\n'));
        });
    }
}
