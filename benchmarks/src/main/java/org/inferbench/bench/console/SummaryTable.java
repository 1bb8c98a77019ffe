package org.inferbench.bench.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.inferbench.record.CallRecord;
import org.inferbench.record.Percentiles;
import org.inferbench.record.Phase;

/**
 * The console summary at the end of a run: warm TTFT p50 per cell and prompt, the first table of the
 * baseline (SPEC section 6). The p50 is over the warm calls that did not fail, by linear
 * interpolation between closest ranks (Hyndman-Fan type 7, SPEC section 4), with Commons Math's
 * R_7 estimator, as the aggregator computes it; the baseline itself is the aggregator's job.
 */
public final class SummaryTable {

    /** The table's first line. */
    public static final String TITLE = "Warm TTFT p50 (ms; first_delta_ms of the warm calls that did not fail)";

    private SummaryTable() {
    }

    /**
     * The table, a row per cell and a column per prompt.
     *
     * @param cells   the planned cell ids, in order
     * @param prompts the planned prompt ids, in order
     * @param skipped cell id → reason, for the cells that were not run
     */
    public static String render(List<String> cells, List<String> prompts, Map<String, String> skipped,
                         List<CallRecord> calls) {
        List<String> header = new ArrayList<>();
        header.add("cell");
        header.addAll(prompts);
        TextTable table = new TextTable(header);
        for (String cell : cells) {
            List<String> row = new ArrayList<>();
            row.add(cell);
            for (String prompt : prompts) {
                row.add(skipped.containsKey(cell) ? "skipped" : format(warmTtftP50(calls, cell, prompt)));
            }
            table.row(row);
        }
        return TITLE + "\n" + table.render();
    }

    static OptionalDouble warmTtftP50(List<CallRecord> calls, String cell, String prompt) {
        double[] ttfts = calls.stream()
                .filter(c -> c.cellId().equals(cell) && c.promptId().equals(prompt))
                .filter(c -> c.phase() == Phase.WARM && !c.failed() && c.firstDeltaMs() != null)
                .mapToDouble(CallRecord::firstDeltaMs)
                .toArray();
        return p50(ttfts);
    }

    /** The type 7 median of {@code values}; empty for none. */
    public static OptionalDouble p50(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Percentiles.type7(values, 0.50));
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
    }
}
