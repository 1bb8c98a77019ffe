package org.inferbench.bench.run;

import java.util.List;
import java.util.Map;
import org.inferbench.config.Cell;
import org.inferbench.config.Prompt;
import org.inferbench.record.ResultNames;

/**
 * What a run covers: the selected cells (enabled or not: a disabled one is recorded as skipped), the
 * prompts, N, the warm calls per batch, and the routes each batch is run on.
 *
 * @param routes     {@code direct} and/or {@code routed} ({@code -p route}), in the order given: every cell and prompt
 *                   is run on each
 * @param unroutable cell id → why its routed batches are not run (its {@code route:} variable is unset)
 */
public record MatrixPlan(List<Cell> cells, List<Prompt> prompts, int warmCalls, List<String> routes,
                         Map<String, String> unroutable) {

    public MatrixPlan {
        cells = List.copyOf(cells);
        prompts = List.copyOf(prompts);
        routes = List.copyOf(routes);
        unroutable = Map.copyOf(unroutable);
    }

    /** A direct plan (mode A). */
    public MatrixPlan(List<Cell> cells, List<Prompt> prompts, int warmCalls) {
        this(cells, prompts, warmCalls, List.of(ResultNames.ROUTE_DIRECT), Map.of());
    }

    /** Whether any batch of the run is planned through the gateway (the meta's mode B). */
    public boolean routed() {
        return routes.contains(ResultNames.ROUTE_ROUTED);
    }

    /** The routes {@code cell}'s batches run on: the plan's, less {@code routed} when the cell has no gateway. */
    List<String> routes(Cell cell) {
        return unroutable.containsKey(cell.id().toString())
                ? routes.stream().filter(route -> !route.equals(ResultNames.ROUTE_ROUTED)).toList()
                : routes;
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
