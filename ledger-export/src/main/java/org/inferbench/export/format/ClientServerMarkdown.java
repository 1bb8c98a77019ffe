package org.inferbench.export.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.inferbench.export.aggregate.ClientServerSummary;
import org.inferbench.export.aggregate.ClientServerSummary.Gap;

/**
 * The client minus the engine (issue 11): per cell, one row per prompt and phase, the client's times beside what
 * the engine says it spent. The gaps are what the engine did not see: network, queueing and HTTP before the first
 * token; and after it, the stream's delivery. Appended after the other sections only when some call carried engine
 * timings, so a run without them keeps its bytes.
 */
final class ClientServerMarkdown {

    static final List<String> COLUMNS = List.of("prompt", "phase", "engine", "n", "first_delta_ms p50",
            "engine prompt_ms p50", "first_delta - engine prompt p50", "total_duration_ms p50",
            "engine total_ms p50", "total - engine total p50");

    private ClientServerMarkdown() {
    }

    static void append(StringBuilder out, List<ClientServerSummary> batches) {
        if (batches.isEmpty()) {
            return;
        }
        out.append("\n## Client minus engine\n\n");
        out.append("Times in ms. The engine's own timings (server_timings): llama.cpp prompt_ms, and prompt_ms +"
                + " predicted_ms for its total; native Ollama prompt_eval_duration (plus load_duration on the cold"
                + " call) and total_duration. Each gap is the p50 of the per-call differences: what the client"
                + " waited for beyond what the engine reports (network, queueing, HTTP). Warm: the calls that did"
                + " not fail and carry timings; load calls are not included.\n");
        Map<String, List<ClientServerSummary>> byCell = new LinkedHashMap<>();
        batches.forEach(batch -> byCell.computeIfAbsent(batch.cellId(), id -> new ArrayList<>()).add(batch));
        byCell.forEach((cellId, rows) -> {
            out.append("\n### ").append(cellId).append(": client minus engine\n\n");
            MarkdownTable table = new MarkdownTable(COLUMNS).text(List.of("phase", "engine"));
            for (ClientServerSummary batch : rows) {
                if (batch.cold() != null) {
                    table.row(row(batch.promptId(), "cold", batch.cold()));
                }
                if (batch.warm() != null) {
                    table.row(row(batch.promptId(), "warm", batch.warm()));
                }
            }
            table.appendTo(out);
        });
    }

    private static String[] row(String prompt, String phase, Gap gap) {
        return new String[] {prompt, phase, gap.engines(), Integer.toString(gap.n()), Figures.millis(gap.firstDeltaMs()),
                Figures.millis(gap.enginePromptMs()), Figures.millis(gap.promptGapMs()),
                Figures.millis(gap.totalDurationMs()), Figures.millis(gap.engineTotalMs()),
                Figures.millis(gap.totalGapMs())};
    }
}
