package org.inferbench.bench.console;

import java.util.Arrays;
import java.util.List;
import org.inferbench.record.CellFacts;

/** {@code --probe}'s output: what the health check found for each selected cell. */
public final class ProbeTable {

    private ProbeTable() {
    }

    /** The table, a row per cell. */
    public static String render(List<CellFacts> facts) {
        TextTable table = new TextTable(List.of("cell", "endpoint", "engine version", "reachable", "reason"));
        for (CellFacts cell : facts) {
            table.row(Arrays.asList(cell.cellId(), cell.endpoint(), cell.engineVersion(),
                    cell.reachable() ? "yes" : "no", cell.healthReason()));
        }
        return table.render();
    }
}
