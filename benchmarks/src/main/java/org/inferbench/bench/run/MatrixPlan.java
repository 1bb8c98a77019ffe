package org.inferbench.bench.run;

import java.util.List;
import org.inferbench.config.Cell;
import org.inferbench.config.Prompt;

/**
 * What a run covers: the selected cells (enabled or not: a disabled one is recorded as skipped), the
 * prompts, and N, the warm calls per batch.
 */
public record MatrixPlan(List<Cell> cells, List<Prompt> prompts, int warmCalls) {

    public MatrixPlan {
        cells = List.copyOf(cells);
        prompts = List.copyOf(prompts);
    }

    /** JMH's measurement iterations for a cell: the cold call, when it has one, then N warm calls. */
    int callsPerBatch(Cell cell) {
        return warmCalls + (cell.cold() ? 1 : 0);
    }

    List<String> cellIds() {
        return cells.stream().map(cell -> cell.id().toString()).toList();
    }

    List<String> promptIds() {
        return prompts.stream().map(Prompt::id).toList();
    }
}
