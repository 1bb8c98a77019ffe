package org.inferbench.export.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inferbench.export.aggregate.LoadLevelSummary;
import org.inferbench.export.aggregate.LoadLevelSummary.Tail;

/**
 * The parallel baseline (issue Load): per cell, one row per prompt and load level. Appended after the sequential
 * tables, so a sequential run's report keeps its bytes. Columns are a contract once shipped, like the others.
 *
 * <p>Two TTFTs: from the actual send (what the server did) and from the schedule (what a user who arrived on time
 * waited; in a closed loop there is no schedule and the two are equal). A level whose achieved rate fell more
 * than 5 % short of its target says so beside the rate: its latencies are not that rate's.
 */
final class ParallelMarkdown {

    static final List<String> COLUMNS = List.of("prompt", "level", "mode", "concurrency", "target req/s",
            "requests", "achieved req/s", "output tok/s", "ttft p50", "ttft p95", "ttft p99", "ttft p50 (schedule)",
            "ttft p95 (schedule)", "ttft p99 (schedule)", "tpot p50", "tpot p99", "itl p50", "itl p99",
            "e2e p50", "e2e p99", "success_rate", "goodput", "goodput req/s", "harness_cpu_ms", "stopped");

    private ParallelMarkdown() {
    }

    static void append(StringBuilder out, List<LoadLevelSummary> levels) {
        if (levels.isEmpty()) {
            return;
        }
        out.append("\n## Parallel capacity\n\n");
        out.append("Latencies in ms over the calls that did not fail; ttft from the send and from the schedule"
                + " (first_delta_ms + send_lag_ms); itl p50 is the median of per-call median gaps, itl p99 the"
                + " p99 of per-call p95 gaps; goodput is the share of calls that met every SLO.\n");
        Map<String, List<LoadLevelSummary>> byCell = new LinkedHashMap<>();
        levels.forEach(level -> byCell.computeIfAbsent(level.cellId(), id -> new ArrayList<>()).add(level));
        byCell.forEach((cellId, rows) -> {
            out.append("\n### ").append(cellId).append(" under load\n\n");
            MarkdownTable table = new MarkdownTable(COLUMNS).text(List.of("mode", "stopped"));
            rows.forEach(level -> table.row(row(level)));
            table.appendTo(out);
        });
    }

    private static String[] row(LoadLevelSummary level) {
        List<String> cells = new ArrayList<>(List.of(level.promptLabel(), Integer.toString(level.levelIdx()),
                level.mode() == null ? Figures.UNKNOWN : level.mode().wireName(), Figures.whole(level.concurrency()),
                Figures.rate(level.targetRate()), Integer.toString(level.requests()),
                Figures.rate(level.achievedRps()) + (Boolean.TRUE.equals(level.rateShort()) ? " (short)" : ""),
                Figures.perSecond(level.outputTokensPerSec())));
        tail(cells, level.ttftSend(), true);
        tail(cells, level.ttftSchedule(), true);
        tail(cells, level.tpot(), false);
        tail(cells, level.itl(), false);
        tail(cells, level.endToEnd(), false);
        cells.add(Figures.rate(level.successRate()));
        cells.add(Figures.rate(level.goodputShare()));
        cells.add(Figures.rate(level.goodputRps()));
        cells.add(Figures.whole(level.harnessCpuMs()));
        cells.add(level.stoppedEarly() == null ? "" : level.stoppedEarly());
        return cells.toArray(String[]::new);
    }

    /** p50, (p95,) p99: milliseconds to one decimal below 10 ms, else whole. */
    private static void tail(List<String> cells, Tail tail, boolean withP95) {
        cells.add(ms(tail.p50()));
        if (withP95) {
            cells.add(ms(tail.p95()));
        }
        cells.add(ms(tail.p99()));
    }

    private static String ms(Double value) {
        return Figures.millis(value);
    }
}
